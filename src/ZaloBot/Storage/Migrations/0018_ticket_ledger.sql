-- The ticket ledger: an answer held for approval may be a resolution or a reply to the citizen (a handler's reply
-- under an approval rule waits like a resolution). Rows held before this column carry no kind: resolutions.
alter table tickets add column pending_kind text check (pending_kind in ('resolution', 'reply'));
