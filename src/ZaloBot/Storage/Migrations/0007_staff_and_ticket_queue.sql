-- Staff accounts, their bearer tokens (stored as SHA-256, never in clear), routing rules, and the indexes behind the
-- staff queue (keyset paging by id, filtered by status / agency / category / centre, text search).
create table staff (
    id           bigint generated always as identity primary key,
    name         text        not null,
    role         text        not null check (role in ('intake_officer', 'diagnosis_officer', 'field_officer', 'agency_handler', 'supervisor', 'admin')),
    agency_code  text references agencies (code),
    zalo_user_id text unique,
    active       boolean     not null default true,
    created_at   timestamptz not null
);

create table staff_tokens (
    id          bigint generated always as identity primary key,
    staff_id    bigint      not null references staff (id),
    token_hash  bytea       not null unique,
    label       text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);

create table routing_rules (
    id            bigint generated always as identity primary key,
    category_code text not null references categories (code),
    area_code     text references areas (code),
    agency_code   text not null references agencies (code),
    unique nulls not distinct (category_code, area_code)
);

insert into routing_rules (category_code, area_code, agency_code) values
    ('INFRA', 'KINHBAC', 'UBND-KB'), ('INFRA', 'VOCUONG', 'UBND-VC'), ('INFRA', 'VUNINH', 'UBND-VN'),
    ('INFRA', 'TUSON', 'UBND-TS'), ('INFRA', 'QUEVO', 'UBND-QV');

create extension if not exists pg_trgm;

drop index if exists tickets_status_due;
create index tickets_queue_status on tickets (status, id desc);
create index tickets_queue_agency on tickets (assigned_agency_code, status, id desc);
create index tickets_queue_category on tickets (category_code, id desc);
create index tickets_queue_centre on tickets (service_centre_code, id desc) where service_centre_code is not null;
create index tickets_open_due on tickets (due_at) where status in ('accepted', 'assigned', 'in_progress');
create index tickets_search on tickets using gin (description gin_trgm_ops);
