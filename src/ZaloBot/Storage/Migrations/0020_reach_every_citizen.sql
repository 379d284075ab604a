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
