-- Reaching every citizen (docs/zalo-platform.md): quiet hours, the nudge, outbound webhooks, the national PAKN sync.

-- Quiet hours: a proactive message held for the morning (or refused by Zalo's night ban, -234) waits until then
-- (next_attempt_at says when it goes); while it waits, the recipient's later answers may overtake it.
alter table outbox add column held_until timestamptz;

-- The nudge: beyond the messaging window a notice of a kind the operator chose goes as one generic template and then
-- waits (status 'nudged') until the citizen writes; it then goes as a free answer to their message, with its buttons.
alter table outbox drop constraint outbox_status_known;
alter table outbox add constraint outbox_status_known check (status in ('pending', 'sent', 'dead', 'nudged'));
alter table outbox add column nudged_at timestamptz;
create index outbox_nudged_by_recipient on outbox (recipient_id, id) where status = 'nudged';
create index outbox_nudged_by_ticket on outbox (ticket_id) where status = 'nudged';

-- Outbound webhooks (docs/outbound-webhooks.md): other systems registered by an admin hear about ticket events. Each
-- endpoint keeps its own cursor into ticket_events (the one record of committed changes), so nothing is missed or repeated.
create table webhook_endpoints (
    id              bigint generated always as identity primary key,
    name            text        not null,
    url             text        not null,
    secret          text        not null,
    events          text[]      not null,
    personal_data   boolean     not null default false,
    enabled         boolean     not null default true,
    created_at      timestamptz not null,
    last_event_id   bigint      not null default 0,
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    constraint webhook_endpoints_url_unique unique (url)
);

create table webhook_deliveries (
    id               bigint generated always as identity primary key,
    endpoint_id      bigint      not null references webhook_endpoints (id) on delete cascade,
    ticket_event_id  bigint      not null,
    event_kind       text        not null,
    body             text        not null,
    status           text        not null default 'pending' check (status in ('pending', 'sent')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    constraint webhook_deliveries_once unique (endpoint_id, ticket_event_id)
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id) where status = 'pending';

-- National PAKN sync (docs/national-sync.md): categories in the national system's scope, and one queued push per ticket
-- and kind (its question, then its answer), so a ticket reaches the national system once however often it is retried.
alter table categories add column national_scope boolean not null default false;

create table national_sync (
    id              bigint generated always as identity primary key,
    ticket_id       bigint      not null references tickets (id),
    kind            text        not null check (kind in ('question', 'answer')),
    event_id        bigint,
    status          text        not null default 'pending' check (status in ('pending', 'sent')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    national_id     text,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint national_sync_once unique (ticket_id, kind)
);
create index national_sync_due on national_sync (next_attempt_at, id) where status = 'pending';

-- Where the queueing pass is in ticket_events; starts at the present, so history is not pushed by surprise.
create table national_sync_cursor (id integer primary key check (id = 1), last_event_id bigint not null);
insert into national_sync_cursor (id, last_event_id) select 1, coalesce(max(id), 0) from ticket_events;
