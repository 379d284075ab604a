-- Organisation (agencies, categories, areas, service centres) and the ticket core that the conversation creates.
-- Seed rows are a sample province (Bắc Ninh); they are data, edited through the admin API, not code.

create table agencies (
    code        text primary key,
    name        text not null,
    kind        text not null check (kind in ('unit', 'department', 'district', 'ward', 'other')),
    parent_code text references agencies (code),
    active      boolean not null default true
);

create table areas (
    code        text primary key,
    name        text not null,
    kind        text not null check (kind in ('district', 'ward', 'commune')),
    parent_code text references areas (code),
    agency_code text references agencies (code)       -- the people's committee that handles cases there
);

create table categories (
    code                  text primary key,
    name                  text not null,
    keywords              text[] not null default '{}', -- extra words citizens use, matched without diacritics
    default_agency_code   text not null references agencies (code),
    deadline_working_days integer not null check (deadline_working_days between 1 and 90),
    sort_order            integer not null default 0,
    active                boolean not null default true
);

create table service_centres (
    code    text primary key,                          -- short, printed on the poster and carried by the QR link
    name    text not null,
    address text not null,
    kind    text not null check (kind in ('province', 'district', 'commune')),
    active  boolean not null default true
);

create table tickets (
    id                   bigint generated always as identity primary key,
    code                 text        not null unique,
    citizen_zalo_id      text        not null,
    status               text        not null default 'received'
        check (status in ('received', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected')),
    category_code        text        not null references categories (code),
    description          text        not null,
    address              text,
    latitude             double precision,
    longitude            double precision,
    area_code            text references areas (code),
    contact_name         text,
    contact_phone        text,                          -- E.164
    service_centre_code  text references service_centres (code),
    assigned_agency_code text references agencies (code),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    due_at               timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    rating               smallint check (rating between 1 and 5),
    version              integer     not null default 1 -- optimistic concurrency for staff actions
);

create index tickets_citizen on tickets (citizen_zalo_id, id desc);
create index tickets_status_due on tickets (status, due_at);

-- Append-only audit trail and thread: citizen messages, staff replies, notes, status changes.
create table ticket_events (
    id          bigint generated always as identity primary key,
    ticket_id   bigint      not null references tickets (id),
    at          timestamptz not null,
    actor_kind  text        not null check (actor_kind in ('citizen', 'staff', 'system')),
    actor_id    text,
    kind        text        not null,                  -- created, citizen_message, staff_reply, note, status_changed, …
    is_public   boolean     not null,                  -- visible to the citizen
    body        text,
    payload     jsonb       not null default '{}'
);

create index ticket_events_by_ticket on ticket_events (ticket_id, id);

create rule ticket_events_no_update as on update to ticket_events do instead nothing;
create rule ticket_events_no_delete as on delete to ticket_events do instead nothing;

insert into agencies (code, name, kind, parent_code) values
    ('TPUN',        'Tổ phản ứng nhanh tỉnh',                           'unit', null),
    ('TPUN-TN',     'Bộ phận tiếp nhận, xử lý thông tin',               'unit', 'TPUN'),
    ('TPUN-CD',     'Bộ phận chẩn đoán, đề xuất phương án',             'unit', 'TPUN'),
    ('TPUN-HT',     'Bộ phận xử lý hiện trường',                        'unit', 'TPUN'),
    ('SNV',         'Sở Nội vụ',                                        'department', null),
    ('STP',         'Sở Tư pháp',                                       'department', null),
    ('SCT',         'Sở Công Thương',                                   'department', null),
    ('SYT',         'Sở Y tế',                                          'department', null),
    ('SXD',         'Sở Xây dựng',                                      'department', null),
    ('SNNMT',       'Sở Nông nghiệp và Môi trường',                     'department', null),
    ('STC',         'Sở Tài chính',                                     'department', null),
    ('CA',          'Công an tỉnh',                                     'department', null),
    ('VPUB',        'Văn phòng UBND tỉnh',                              'department', null),
    ('UBND-KB',     'UBND phường Kinh Bắc',                             'ward', null),
    ('UBND-VC',     'UBND phường Võ Cường',                             'ward', null),
    ('UBND-VN',     'UBND phường Vũ Ninh',                              'ward', null),
    ('UBND-TS',     'UBND phường Từ Sơn',                               'ward', null),
    ('UBND-QV',     'UBND phường Quế Võ',                               'ward', null);

insert into areas (code, name, kind, agency_code) values
    ('KINHBAC', 'Phường Kinh Bắc', 'ward', 'UBND-KB'),
    ('VOCUONG', 'Phường Võ Cường', 'ward', 'UBND-VC'),
    ('VUNINH',  'Phường Vũ Ninh',  'ward', 'UBND-VN'),
    ('TUSON',   'Phường Từ Sơn',   'ward', 'UBND-TS'),
    ('QUEVO',   'Phường Quế Võ',   'ward', 'UBND-QV');

insert into categories (code, name, keywords, default_agency_code, deadline_working_days, sort_order) values
    ('ADMIN',         'Thủ tục hành chính',                              '{thu tuc,ho so,giay to,cap phep,mot cua,chung thuc,dang ky}', 'VPUB', 10, 1),
    ('CONDUCT',       'Thái độ, hành vi của cán bộ, công chức',          '{can bo,cong chuc,thai do,nhung nhieu,hach dich,tieu cuc}',   'SNV',  10, 2),
    ('BIZ_TRANSPORT', 'Hỗ trợ doanh nghiệp: vận chuyển công nhân',       '{van chuyen,cong nhan,xe dua don,dua don}',                    'SCT',   5, 3),
    ('BIZ_EXPERT',    'Hỗ trợ doanh nghiệp: nhập cảnh chuyên gia',       '{chuyen gia,nhap canh,visa,thi thuc}',                         'CA',    5, 4),
    ('BIZ_VACCINE',   'Hỗ trợ doanh nghiệp: tiêm vắc-xin',               '{vac xin,vaccine,tiem chung,tiem}',                            'SYT',   5, 5),
    ('BIZ_POLICY',    'Hỗ trợ doanh nghiệp: chính sách hỗ trợ dịch bệnh', '{chinh sach,ho tro,dich benh,goi ho tro}',                    'STC',  10, 6),
    ('INFRA',         'Hạ tầng, môi trường',                             '{duong,ngap,rac,den duong,cong,o nhiem,moi truong,ha tang}',   'SXD',  10, 7),
    ('OTHER',         'Khác',                                            '{khac}',                                                       'TPUN-TN', 10, 8);

insert into service_centres (code, name, address, kind) values
    ('BN01', 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh', 'Số 11 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh', 'province'),
    ('BN02', 'Bộ phận Một cửa phường Kinh Bắc',                 'Phường Kinh Bắc, tỉnh Bắc Ninh',                        'commune'),
    ('BN03', 'Bộ phận Một cửa phường Từ Sơn',                   'Phường Từ Sơn, tỉnh Bắc Ninh',                          'commune');
