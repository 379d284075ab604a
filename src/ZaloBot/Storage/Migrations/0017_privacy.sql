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
