-- Personal data (docs/privacy.md): console sessions that end on the server, the privacy notice's consent records,
-- citizens' rights requests, audited reveals of restricted identities, and the breach register.

-- One row per console sign-in. The cookie carries a random session id; only its SHA-256 is stored. Every request
-- checks the row, so signing out, changing the password or an admin's "end all sessions" stops a copied cookie at once.
create table console_sessions (
    id          bigint generated always as identity primary key,
    staff_id    bigint      not null references staff (id),
    token_hash  bytea       not null unique,
    created_at  timestamptz not null,
    remote_ip   text,
    ended_at    timestamptz,
    ended_why   text check (ended_why in ('sign_out', 'password_changed', 'ended_by_admin', 'account_disabled'))
);
create index console_sessions_live on console_sessions (staff_id) where ended_at is null;

-- Sign-in failures are also limited per address: counted from the audit by remote_ip.
create index console_audit_by_address on console_audit (remote_ip, kind, at desc) where remote_ip is not null;

-- The privacy notice shown and each answer to an optional purpose, append-only: the proof that consent was given
-- freely (a button press), for what, under which notice version, in which inbound message. A withdrawal is a new row.
create table consent_records (
    id             bigint generated always as identity primary key,
    oa_id          text        not null,
    zalo_user_id   text        not null,
    notice_version integer     not null,
    purpose        text        not null check (purpose in ('notice', 'publish', 'call_back', 'survey', 'location')),
    answer         text        not null check (answer in ('shown', 'granted', 'refused', 'withdrawn')),
    ticket_code    text,
    inbound_msg_id text,
    at             timestamptz not null
);
create index consent_records_by_user on consent_records (zalo_user_id, purpose, id desc);
create index consent_records_by_ticket on consent_records (ticket_code) where ticket_code is not null;

-- Append-only, except inside a citizen's erasure (the same switch as the ticket trail's, migration 0009).
create function consent_records_guard() returns trigger language plpgsql as $$
begin
    if current_setting('zalobot.erasure', true) = 'on' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    return null;
end;
$$;
create trigger consent_records_append_only before update or delete on consent_records
    for each row execute function consent_records_guard();

-- Rights requests from the chat, with their legal clocks (docs/privacy.md says which figures are unconfirmed).
create table privacy_requests (
    id               bigint generated always as identity primary key,
    oa_id            text        not null,
    zalo_user_id     text        not null,
    kind             text        not null check (kind in ('access', 'correct', 'delete', 'withdraw')),
    detail           text,
    status           text        not null default 'acknowledged' check (status in ('acknowledged', 'completed', 'refused')),
    inbound_msg_id   text,
    received_at      timestamptz not null,
    acknowledge_due  timestamptz not null,
    acknowledged_at  timestamptz,
    due_at           timestamptz not null,
    completed_at     timestamptz,
    completed_by     bigint references staff (id),
    outcome          text
);
create index privacy_requests_open on privacy_requests (due_at) where status = 'acknowledged';
create index privacy_requests_by_user on privacy_requests (zalo_user_id);

-- One-time links to a citizen's full export; only a hash of the token is kept.
create table privacy_export_links (
    token_hash   bytea primary key,
    zalo_user_id text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);

-- The breach register (admins): the 72-hour clock to notify the data-protection authority, and what was sent.
create table privacy_breaches (
    id               bigint generated always as identity primary key,
    recorded_at      timestamptz not null,
    recorded_by      bigint      not null references staff (id),
    discovered_at    timestamptz not null,
    summary          text        not null,
    data_kinds       text[]      not null,
    affected_from    timestamptz not null,
    affected_to      timestamptz not null,
    affected_count   integer     not null,
    notified_at      timestamptz,
    notified_by      bigint references staff (id),
    notification     text
);
