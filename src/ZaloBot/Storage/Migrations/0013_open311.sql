-- Open311 and publication: one queue for every channel (Open311 GeoReport v2), public answers, similar reports and duplicates,
-- information articles for citizens and businesses.

-- What a category lets the public see. public: the answer, the address as given (phone numbers masked) and the
-- location rounded to about 100 m; ward: the answer and the ward only; never: nothing (conduct of civil servants,
-- complaints that name people). publish_by_default: what a citizen who says nothing gets.
alter table categories add column publication text not null default 'ward'
    check (publication in ('public', 'ward', 'never'));
alter table categories add column publish_by_default boolean not null default true;
update categories set publication = 'public' where code = 'INFRA';
update categories set publication = 'never', publish_by_default = false where code = 'CONDUCT';

-- Where a ticket came from (zalo, hotline, web, counter, …); a channel's name is a short lowercase word.
alter table tickets add column channel text not null default 'zalo' check (channel ~ '^[a-z][a-z0-9_]{1,19}$');
-- The citizen's own choice about publishing (asked once at submission); null: the category's default.
alter table tickets add column publish boolean;
-- A duplicate is closed and points at the ticket that carries the answer.
alter table tickets add column duplicate_of bigint references tickets (id);
create index tickets_duplicate_of on tickets (duplicate_of) where duplicate_of is not null;
-- Open311 lists by requested_datetime, newest first, and filters by it (start_date / end_date): one index serves the
-- default page, any date window and (scanning a few pages' worth) the status and service_code filters.
create index tickets_created_at on tickets (created_at, id);
-- Similar reports: open tickets of a category, newest first.
create index tickets_open_by_category on tickets (category_code, id desc)
    where status in ('received', 'accepted', 'assigned', 'in_progress');

-- People who receive a ticket's notices besides its own citizen: the citizens of tickets linked to it as duplicates
-- (via_ticket_id: whose contact phone the template channel may use) and citizens who chose to follow it in chat.
create table ticket_followers (
    ticket_id     bigint      not null references tickets (id),
    recipient_id  text        not null,
    via_ticket_id bigint references tickets (id),
    created_at    timestamptz not null,
    primary key (ticket_id, recipient_id)
);

-- API keys of the channels that file tickets through Open311 (hotline 1022, web portal, counters). Stored as SHA-256
-- like staff tokens; shown once when issued.
create table channel_api_keys (
    id          bigint generated always as identity primary key,
    channel     text        not null check (channel ~ '^[a-z][a-z0-9_]{1,19}$'),
    label       text,
    key_hash    bytea       not null unique,
    created_at  timestamptz not null,
    created_by  bigint references staff (id),
    revoked_at  timestamptz,
    last_used_at timestamptz
);

-- Information for citizens and businesses, managed by admins.
create table articles (
    id           bigint generated always as identity primary key,
    topic        text        not null check (topic in ('policies', 'investment', 'events', 'procedures', 'support')),
    title        text        not null,
    summary      text        not null,
    link         text,
    keywords     text[]      not null default '{}',
    published_at timestamptz not null,
    updated_at   timestamptz not null,
    active       boolean     not null default true
);
create index articles_newest on articles (published_at desc) where active;

insert into articles (topic, title, summary, link, keywords, published_at, updated_at) values
    ('procedures', 'Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ',
     'Hồ sơ gồm đơn đề nghị, giấy tờ về quyền sử dụng đất và bản vẽ thiết kế; nộp tại Bộ phận Một cửa cấp xã hoặc trực tuyến trên Cổng dịch vụ công. Thời hạn giải quyết 15 ngày.',
     'https://dichvucong.gov.vn', '{giay phep xay dung,cap phep,xay nha,xay dung}', '2026-10-01T02:00:00Z', '2026-10-01T02:00:00Z'),
    ('procedures', 'Đăng ký kết hôn: hồ sơ và nơi nộp',
     'Hai bên nộp tờ khai và giấy tờ tùy thân tại UBND cấp xã nơi một trong hai bên cư trú; giấy chứng nhận được cấp ngay trong ngày nếu hồ sơ đầy đủ.',
     'https://dichvucong.gov.vn', '{ket hon,dang ky ket hon,ho tich}', '2026-10-05T02:00:00Z', '2026-10-05T02:00:00Z'),
    ('support', 'Chương trình hỗ trợ doanh nghiệp nhỏ và vừa năm 2026',
     'Tỉnh hỗ trợ tư vấn, đào tạo và một phần chi phí chuyển đổi số cho doanh nghiệp nhỏ và vừa. Đăng ký tại Sở Tài chính.',
     null, '{ho tro doanh nghiep,doanh nghiep nho va vua,chuyen doi so}', '2026-11-01T02:00:00Z', '2026-11-01T02:00:00Z'),
    ('investment', 'Danh mục dự án kêu gọi đầu tư của tỉnh',
     'Danh mục các dự án hạ tầng, công nghiệp và đô thị tỉnh kêu gọi đầu tư, kèm đầu mối liên hệ.',
     null, '{dau tu,du an,keu goi dau tu,khu cong nghiep}', '2026-11-10T02:00:00Z', '2026-11-10T02:00:00Z');
