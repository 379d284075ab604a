-- Delivery under Zalo's 2026 rules (docs/zalo-platform.md): answers are addressed to the citizen's inbound message
-- (free replies), proactive notices by user id within the 7-day window and as approved ZBS templates beyond it.

-- The inbound msg_id an answer replies to; null for proactive messages (ticket notices, reminders, staff pushes).
alter table outbox add column reply_to_msg_id text;
-- The ticket a notice is about: beyond the window its template needs the ticket's fields and, by phone, its contact.
alter table outbox add column ticket_id bigint references tickets (id);
-- A ticket notice that may go as a template: {"kind": "accepted", "fields": {"code": …, "status": …}}.
alter table outbox add column notice jsonb;
-- How the message reached the citizen: reply | cs | template_uid | template_phone.
alter table outbox add column delivered_via text;
alter table outbox add constraint outbox_delivered_via_known
    check (delivered_via is null or delivered_via in ('reply', 'cs', 'template_uid', 'template_phone'));

alter table outbox_attempts add column channel text;
-- Which Zalo quota paid for a consultation message (reply, sub_quota, purchase_quota, …).
alter table outbox_attempts add column quota_type text;

-- When each Zalo user last interacted with the OA (message, follow, button, form), from the inbox or Zalo's quota API.
create table zalo_users (
    user_id             text primary key,
    last_interaction_at timestamptz,
    window_checked_at   timestamptz,  -- when Zalo's quota endpoint was last asked about this user
    window_closed_at    timestamptz   -- when Zalo last refused a consultation message to this user (-230, -232, …)
);

-- Staff must see when no channel reached the citizen, and why.
alter table tickets add column citizen_unreachable_at timestamptz;
alter table tickets add column citizen_unreachable_reason text;
create index tickets_citizen_unreachable on tickets (id desc) where citizen_unreachable_at is not null;

-- A refused refresh token stops every replica's sends until an operator stores a new one.
alter table zalo_tokens add column refresh_refused_at timestamptz;
alter table zalo_tokens add column refresh_refused_detail text;
alter table zalo_tokens alter column refresh_token drop not null;

-- Each user_withdraw honoured: who (a one-way hash of the Zalo id), when, and how much was erased.
create table data_erasures (
    id            bigint generated always as identity primary key,
    subject_hash  text        not null,
    at            timestamptz not null,
    tickets       integer     not null,
    inbox_events  integer     not null,
    outbox_rows   integer     not null
);

-- The audit trail stays append-only, with one exception: honouring a citizen's user_withdraw, which must erase their
-- Zalo id and phone numbers from their own messages. The erasure sets zalobot.erasure for its transaction only.
drop rule ticket_events_no_update on ticket_events;
create function ticket_events_guard_update() returns trigger language plpgsql as $$
begin
    if current_setting('zalobot.erasure', true) = 'on' then
        return new;
    end if;
    return null; -- silently ignored, as the rule it replaces did
end;
$$;
create trigger ticket_events_append_only before update on ticket_events
    for each row execute function ticket_events_guard_update();
