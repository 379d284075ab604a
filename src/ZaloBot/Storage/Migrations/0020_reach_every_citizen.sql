-- Reaching every citizen (docs/zalo-platform.md): quiet hours, the nudge, outbound webhooks, the national PAKN sync.

-- Quiet hours: a proactive message held for the morning (or refused by Zalo's night ban, -234) waits until then
-- (next_attempt_at says when it goes); while it waits, the recipient's later answers may overtake it.
alter table outbox add column held_until timestamptz;
