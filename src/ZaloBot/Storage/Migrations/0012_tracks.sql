-- Legal tracks with their clocks, priorities with a first-response clock in office hours, escalation of
-- breaches (once each), answer approval, and "is it really fixed?". The clocks are data: an operator corrects them
-- with an UPDATE (README, "Tracks and clocks"); the service reads them again within a minute.

create table ticket_tracks (
    code                 text primary key check (code in ('pakn', 'khieu_nai', 'to_cao')),
    name                 text    not null,
    acceptance_days      integer not null check (acceptance_days between 0 and 90),
    acceptance_day_kind  text    not null check (acceptance_day_kind in ('working', 'calendar')),
    resolution_days      integer check (resolution_days between 1 and 180),   -- null: the category's working days
    resolution_day_kind  text    not null check (resolution_day_kind in ('working', 'calendar')),
    max_extensions       integer not null check (max_extensions between 0 and 5),
    extension_days       integer not null check (extension_days between 0 and 90),
    extension_day_kind   text    not null check (extension_day_kind in ('working', 'calendar')),
    keywords             text[]  not null default '{}',                    -- matched without case; diacritics only if typed
    legal_source         text    not null,
    unconfirmed          text                                             -- what could not be confirmed from the source
);

insert into ticket_tracks values
    ('pakn', 'Phản ánh, kiến nghị', 1, 'working', null, 'working', 1, 5, 'working', '{}',
     'Nghị định 20/2008/NĐ-CP (PAKN về quy định hành chính); Quy chế tiếp nhận PAKN trên Cổng Dịch vụ công quốc gia; iHanoi (tiếp nhận trong 8 giờ làm việc)',
     'Acceptance in 1 working day and one 5-working-day extension are this project''s reading of provincial practice, not a national rule; resolution uses each category''s working days.'),
    ('khieu_nai', 'Khiếu nại', 10, 'calendar', 30, 'calendar', 1, 15, 'calendar',
     '{khiếu nại,quyết định hành chính,hành vi hành chính,quyết định xử phạt,quyết định thu hồi,quyết định cưỡng chế,bồi thường,đền bù,giải phóng mặt bằng,xem xét lại quyết định,không đồng ý với quyết định}',
     'Luật Khiếu nại 2011: Điều 27 (thụ lý trong 10 ngày), Điều 28 (giải quyết lần đầu 30 ngày, phức tạp không quá 45 ngày; vùng sâu vùng xa 45/60), Điều 9 (thời hiệu 90 ngày)',
     'Whether "ngày" counts calendar or working days is not stated in the law; calendar days with a last day off moving to the next working day (Bộ luật Dân sự 2015, Điều 148) is assumed. The remote-area 45/60 days are not modelled.'),
    ('to_cao', 'Tố cáo', 7, 'working', 30, 'calendar', 2, 30, 'calendar',
     '{tố cáo,hối lộ,nhận hối lộ,đưa hối lộ,tham nhũng,tham ô,lạm dụng chức vụ,lạm quyền,làm luật,bảo kê,vòi tiền,ăn tiền,sai phạm của cán bộ}',
     'Luật Tố cáo 2018: Điều 24 và 29 (xem xét, thụ lý trong 7 ngày làm việc), Điều 30 (giải quyết 30 ngày; phức tạp gia hạn 1 lần, đặc biệt phức tạp 2 lần, mỗi lần không quá 30 ngày)',
     'The 7 working days are read from the law as the time to decide acceptance; a verification extension (Điều 24: up to 10 working days) is not modelled.');

create table ticket_priorities (
    code                         text primary key check (code in ('normal', 'urgent')),
    name                         text    not null,
    first_response_working_hours numeric not null check (first_response_working_hours > 0 and first_response_working_hours <= 80),
    keywords                     text[]  not null default '{}'
);

insert into ticket_priorities values
    ('normal', 'Thường', 8, '{}'),
    ('urgent', 'Khẩn', 2,
     '{cháy,cháy nhà,cháy nổ,đám cháy,bốc cháy,hỏa hoạn,hoả hoạn,phát nổ,ngập,ngập nước,ngập sâu,ngập lụt,lũ lụt,sập,bị sập,sập nhà,nhà sập,sập cầu,đổ sập,sụt lún,sạt lở,tai nạn,điện giật,dây điện đứt,đứt dây điện,cột điện đổ,cây đổ,đổ cây,rò rỉ khí,rò rỉ gas,hở gas,ngộ độc,đuối nước,cấp cứu,vỡ đê,vỡ ống nước,hố sâu,mất nắp cống}');

-- Office hours for the first-response clock (Vietnam time), one row.
create table office_hours (
    id              smallint primary key default 1 check (id = 1),
    morning_start   time not null,
    morning_end     time not null,
    afternoon_start time not null,
    afternoon_end   time not null,
    check (morning_start < morning_end and morning_end <= afternoon_start and afternoon_start < afternoon_end)
);
insert into office_hours values (1, '08:00', '12:00', '13:00', '17:00');

-- Answers that must be approved before the citizen sees them: by agency, by category, or both.
create table approval_rules (
    id            bigint generated always as identity primary key,
    agency_code   text references agencies (code),
    category_code text references categories (code),
    check (agency_code is not null or category_code is not null),
    unique nulls not distinct (agency_code, category_code)
);

alter table tickets add column track text not null default 'pakn' references ticket_tracks (code);
alter table tickets add column suggested_track text;
alter table tickets add column priority text not null default 'normal' references ticket_priorities (code);
alter table tickets add column suggested_priority text;
alter table tickets add column first_response_due_at timestamptz;
alter table tickets add column acceptance_due_at timestamptz;
alter table tickets add column accepted_at timestamptz;
alter table tickets add column extensions integer not null default 0;
alter table tickets add column pending_result text;           -- an answer waiting for approval
alter table tickets add column pending_result_by bigint references staff (id);
alter table tickets add column pending_result_at timestamptz;
alter table tickets add column reopen_count integer not null default 0;
alter table tickets add column review_flagged_at timestamptz;  -- a low rating: a supervisor should look
alter table tickets add column review_reason text;

create index tickets_waiting_acceptance on tickets (least(first_response_due_at, acceptance_due_at)) where status = 'received';
create index tickets_urgent_queue on tickets (status, id desc) where priority = 'urgent';
create index tickets_pending_approval on tickets (id desc) where pending_result is not null;
create index tickets_flagged on tickets (id desc) where review_flagged_at is not null;

-- One row per breach (kind + the due date it broke), so each is escalated once however many replicas look.
create table ticket_escalations (
    id          bigint generated always as identity primary key,
    ticket_id   bigint      not null references tickets (id),
    kind        text        not null check (kind in ('first_response', 'acceptance', 'resolution')),
    due_at      timestamptz not null,
    at          timestamptz not null,
    agency_code text references agencies (code),
    unique (ticket_id, kind, due_at)
);
create index ticket_escalations_at on ticket_escalations (at);

-- The head of an agency (thủ trưởng) is told when the agency's tickets break their clocks.
alter table staff add column agency_head boolean not null default false;
