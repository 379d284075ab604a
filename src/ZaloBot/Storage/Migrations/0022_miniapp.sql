-- How a ticket's service centre was known: a signed one-time code from the Mini App or the QR landing page, or the
-- poster's code typed by hand (which proves nothing). Tickets attributed before this column were all typed.
alter table tickets add column service_centre_source text
    check (service_centre_source in ('miniapp', 'typed_code', 'landing_page'));
update tickets set service_centre_source = 'typed_code' where service_centre_code is not null;

-- Signed centre codes already used: the HMAC and the expiry are checked without storage; only use is stored, so a
-- code sent twice attributes once. Rows past expires_at prove nothing more and may be deleted.
create table centre_nonces_used (
    nonce_id     text primary key,
    centre_code  text not null,
    source       text not null,
    used_at      timestamptz not null,
    expires_at   timestamptz not null
);
create index centre_nonces_used_expiry on centre_nonces_used (expires_at);

-- A Mini App user (the app-scoped id Zalo's Graph API confirmed for their access token) and the same person's id on
-- an OA, once Zalo's OA API confirmed that follower's app-scoped id matches. Keyed by OA: one Mini App may serve
-- several OAs, and a user's id differs per OA.
create table miniapp_users (
    oa_id         text not null,
    app_user_id   text not null,
    oa_user_id    text not null,
    verified_at   timestamptz not null,
    primary key (oa_id, app_user_id)
);

-- A Mini App submission's idempotency key: the same key again (a retry after a lost answer) returns the first ticket.
create table miniapp_submissions (
    app_user_id      text not null,
    idempotency_key  text not null,
    ticket_code      text not null,
    created_at       timestamptz not null,
    primary key (app_user_id, idempotency_key)
);
