-- Staff web console: sign-in names and password hashes (ASP.NET Core's PasswordHasher, never a password in clear),
-- one-time secrets (a link to set a password, a sign-in code sent to the staff member's Zalo), the audit of
-- sign-ins, failures and phone reveals, and the canned replies admins manage.
alter table staff add column login text;
alter table staff add column password_hash text;
alter table staff add column password_set_at timestamptz;
create unique index staff_login on staff (lower(login)) where login is not null;

-- purpose: password_link (24 h, opened in a browser) | sign_in_code (6 digits, minutes, sent through the outbox).
create table console_one_time_codes (
    id         bigint generated always as identity primary key,
    staff_id   bigint      not null references staff (id),
    purpose    text        not null check (purpose in ('password_link', 'sign_in_code')),
    code_hash  bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index console_codes_by_staff on console_one_time_codes (staff_id, purpose, created_at desc);
create unique index console_codes_by_hash on console_one_time_codes (code_hash);

-- Append-only: who signed in (or failed to), signed out, revealed a citizen's phone, changed an account.
create table console_audit (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    staff_id    bigint references staff (id),
    login       text,          -- what was typed, for failures of unknown names (truncated)
    kind        text        not null,
    method      text,          -- password | zalo_code
    ticket_code text,
    remote_ip   text,
    detail      text
);

create index console_audit_by_staff on console_audit (staff_id, kind, at desc);
create index console_audit_by_time on console_audit (at desc);

create rule console_audit_no_update as on update to console_audit do instead nothing;
create rule console_audit_no_delete as on delete to console_audit do instead nothing;

-- Replies staff pick in the composer; {ma}, {han}, {co_quan} are filled in from the ticket.
create table canned_replies (
    id         bigint generated always as identity primary key,
    title      text    not null,
    body       text    not null,
    sort_order integer not null default 0,
    active     boolean not null default true
);

insert into canned_replies (title, body, sort_order) values
    ('Đã tiếp nhận', 'Chúng tôi đã tiếp nhận phản ánh {ma} và sẽ trả lời trước ngày {han}. Cảm ơn bạn đã phản ánh.', 1),
    ('Cần thêm thông tin', 'Để xử lý phản ánh {ma}, đề nghị bạn gửi thêm hình ảnh hoặc địa chỉ cụ thể của sự việc.', 2),
    ('Đã chuyển cơ quan', 'Phản ánh {ma} đã được chuyển đến {co_quan} để xem xét, giải quyết theo thẩm quyền.', 3);

-- The queue's "could not reach the citizen" filter looks for dead-lettered messages by recipient.
create index outbox_dead_by_recipient on outbox (recipient_id) where status = 'dead';
