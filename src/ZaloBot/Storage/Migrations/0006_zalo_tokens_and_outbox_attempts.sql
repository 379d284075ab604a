-- The OA's tokens. Zalo refresh tokens are single-use: the newest one must be stored the moment it is received,
-- and only one replica may refresh at a time (advisory lock), or the others lock the OA out.
create table zalo_tokens (
    id                smallint primary key default 1 check (id = 1),
    access_token      text,
    access_expires_at timestamptz,
    refresh_token     text        not null,
    updated_at        timestamptz not null
);

-- A send in flight is leased rather than held in an open transaction; an expired lease (crashed sender) is retried.
alter table outbox add column lease_until timestamptz;

-- Every attempt to send an outbox message, for staff and operators: a timed-out send may still have been delivered.
create table outbox_attempts (
    id         bigint generated always as identity primary key,
    outbox_id  bigint      not null references outbox (id),
    at         timestamptz not null,
    outcome    text        not null,   -- sent | transient | refresh | permanent | outside_window
    error_code integer,
    detail     text
);

create index outbox_attempts_by_outbox on outbox_attempts (outbox_id, id);
