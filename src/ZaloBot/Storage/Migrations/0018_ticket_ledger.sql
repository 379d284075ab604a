-- The ticket ledger: an answer held for approval may be a resolution or a reply to the citizen (a handler's reply
-- under an approval rule waits like a resolution). Rows held before this column carry no kind: resolutions.
alter table tickets add column pending_kind text check (pending_kind in ('resolution', 'reply'));

-- Put on hold: a ticket whose handling waits (a third party, the weather) pauses its resolution clock. held_at is when
-- the hold began; on resume the due date moves by the working days the hold covered (docs/architecture.md).
alter table tickets drop constraint tickets_status_check;
alter table tickets add constraint tickets_status_check
    check (status in ('received', 'accepted', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'rejected'));
alter table tickets add column held_at timestamptz;
