-- Many Zalo Official Accounts under one app (docs/zalo-platform.md, "Many OAs under one app"): each OA is a row with
-- its own token pair, and every place a citizen is identified records the OA too, because a user's Zalo id is scoped
-- to the OA they wrote to.
--
-- The deployment's configured OA (Zalo:OaId) is not known to SQL: the existing rows are given the placeholder
-- '(Zalo:OaId)', which the service renames to the configured id at start-up, before it accepts traffic
-- (Oas/ConfiguredOaSeed.cs). An existing single-OA deployment therefore upgrades without editing its settings. The
-- seed also makes the configured OA these columns' default, so a writer that names no OA means the configured one.
create table zalo_oas (
    oa_id                  text        primary key,
    name                   text        not null,
    agency_code            text references agencies (code),           -- the unit that owns the OA (a ward, the province)
    state                  text        not null default 'connected' check (state in ('connected', 'disconnected')),
    -- Where a complaint that arrives on this OA goes when its category names no agency: the owning ward, say.
    default_agency_code    text references agencies (code),
    -- ZBS templates are approved per OA: {"resolved": {"templateId": "…", "phoneTemplateId": "…"}, …}; empty for the
    -- configured OA, which uses Zalo:Templates.
    templates              jsonb       not null default '{}',
    -- A notice this OA cannot send as a template (no template, no wallet) goes by phone through this OA.
    fallback_oa_id         text references zalo_oas (oa_id),
    webhook_secret_key     text,                                         -- when the OA signs with its own key, not the app's
    access_token           text,
    access_expires_at      timestamptz,
    refresh_token          text,
    refresh_refused_at     timestamptz,
    refresh_refused_detail text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    constraint zalo_oas_id_sane check (oa_id <> '' and length(oa_id) <= 64)
);

insert into zalo_oas (oa_id, name, access_token, access_expires_at, refresh_token, refresh_refused_at, refresh_refused_detail, updated_at)
select '(Zalo:OaId)', 'OA', t.access_token, t.access_expires_at, t.refresh_token, t.refresh_refused_at, t.refresh_refused_detail, coalesce(t.updated_at, now())
from (select 1) one left join zalo_tokens t on t.id = 1;
drop table zalo_tokens;

-- OAuth v4 authorisations started from the console: state and the PKCE verifier, until Zalo calls back.
create table zalo_oa_authorisations (
    state          text        primary key,
    code_verifier  text        not null,
    started_by     bigint references staff (id),
    created_at     timestamptz not null,
    completed_at   timestamptz,
    oa_id          text
);

-- Which OA an event came to (null when the event names none); events for an OA that is not connected are parked.
alter table inbox add column oa_id text;

-- Every message leaves through the OA the recipient belongs to.
alter table outbox add column oa_id text not null default '(Zalo:OaId)';

-- The conversation state and the messaging window belong to a (OA, user) pair.
alter table conversations add column oa_id text not null default '(Zalo:OaId)';
alter table conversations drop constraint conversations_pkey, add primary key (oa_id, zalo_user_id);

alter table zalo_users add column oa_id text not null default '(Zalo:OaId)';
alter table zalo_users drop constraint zalo_users_pkey, add primary key (oa_id, user_id);

-- The OA a ticket came through: its citizen hears from that OA whichever agency handles it.
alter table tickets add column citizen_oa_id text not null default '(Zalo:OaId)';
create index tickets_by_oa on tickets (citizen_oa_id, id desc);

alter table ticket_followers add column oa_id text not null default '(Zalo:OaId)';

-- The OA a staff member enrolled on: their codes and pushes go through it.
alter table staff add column zalo_oa_id text;
update staff set zalo_oa_id = '(Zalo:OaId)' where zalo_user_id is not null;
alter table staff drop constraint staff_zalo_user_id_key, add constraint staff_zalo_identity_unique unique (zalo_oa_id, zalo_user_id);

alter table privacy_export_links add column oa_id text;
