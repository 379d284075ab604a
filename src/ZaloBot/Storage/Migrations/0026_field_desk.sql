-- The field desk: "after" photos sent from Zalo by field officers, saved queue filters per staff member, and the
-- province's own list of places that typed addresses are geocoded against.

-- Which moment a photo shows. Null: as the citizen sent it (the problem); 'after': the site once handled, sent by
-- staff from the field. Added nullable, so the running version keeps writing rows without it during an upgrade.
alter table evidence add column phase text check (phase in ('before', 'after'));

-- The ticket a field officer's next photo belongs to: the one named with "ảnh <mã>" (chosen), else the last one they
-- were pushed or worked on (recent). One row per staff member, overwritten; a photo after the window is refused.
create table staff_photo_targets (
    staff_id          bigint primary key references staff (id),
    chosen_ticket_id  bigint references tickets (id),
    chosen_at         timestamptz,
    chosen_to_citizen boolean not null default false,   -- "ảnh PA-… gửi dân": send the photo to the citizen too
    recent_ticket_id  bigint references tickets (id),
    recent_at         timestamptz,
    -- Pushes about different tickets in quick succession (a morning's reminders): no single ticket is "the last one".
    recent_ambiguous  boolean not null default false
);

-- A queue filter saved under a name by one staff member; the query string is re-validated by the queue when applied.
create table console_saved_filters (
    id         bigint generated always as identity primary key,
    staff_id   bigint      not null references staff (id),
    name       text        not null check (char_length(name) between 1 and 60),
    name_key   text        not null,            -- the name without case or diacritics: "Ngập" and "ngap" are one
    query      text        not null check (char_length(query) <= 1000),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (staff_id, name_key)
);

-- The province's own gazetteer: wards (by their area) and streets, with a point each. Typed places are matched
-- against it without any outside service. The sample rows are approximate points for the sample province (Bắc Ninh):
-- an operator replaces them with the province's own list.
create table places (
    id        bigint generated always as identity primary key,
    kind      text not null check (kind in ('ward', 'street', 'landmark')),
    name      text not null,
    area_code text references areas (code),        -- a ward's own area, or the ward a street or landmark lies in
    latitude  double precision not null check (latitude between -90 and 90),
    longitude double precision not null check (longitude between -180 and 180),
    active    boolean not null default true
);

insert into places (kind, name, area_code, latitude, longitude) values
    ('ward',   'Phường Kinh Bắc',     'KINHBAC', 21.1860, 106.0630),
    ('ward',   'Phường Võ Cường',     'VOCUONG', 21.1690, 106.0500),
    ('ward',   'Phường Vũ Ninh',      'VUNINH',  21.1960, 106.0850),
    ('ward',   'Phường Từ Sơn',       'TUSON',   21.1170, 105.9600),
    ('ward',   'Phường Quế Võ',       'QUEVO',   21.1500, 106.1600),
    ('street', 'Lý Thái Tổ',          'KINHBAC', 21.1815, 106.0700),
    ('street', 'Nguyễn Trãi',         'KINHBAC', 21.1770, 106.0660),
    ('street', 'Trần Hưng Đạo',       'KINHBAC', 21.1845, 106.0680),
    ('street', 'Ngô Gia Tự',          'KINHBAC', 21.1800, 106.0750),
    ('street', 'Nguyễn Văn Cừ',       'VOCUONG', 21.1680, 106.0560),
    ('street', 'Lý Anh Tông',         'VOCUONG', 21.1640, 106.0470),
    ('street', 'Kinh Dương Vương',    'VUNINH',  21.1930, 106.0800),
    ('street', 'Minh Khai',           'TUSON',   21.1190, 105.9610),
    ('street', 'Trần Phú',            'TUSON',   21.1150, 105.9580),
    ('landmark', 'Trung tâm Phục vụ hành chính công tỉnh', 'KINHBAC', 21.1818, 106.0712);
