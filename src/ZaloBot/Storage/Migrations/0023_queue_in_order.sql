-- The conversation processor and the outbox dispatcher pick their work in arrival order from these partial indexes,
-- which hold pending rows only, so picking costs the same with 100 or 100,000 rows waiting: the next users (or
-- recipients) are read from the low end of the index instead of grouping every pending row by user.
create index inbox_pending_in_order on inbox (id) where processed_at is null and parked_at is null and user_id is not null;
create index outbox_pending_in_order on outbox (id) where status = 'pending';

-- Both tables are queues: every row is inserted, updated once or twice and later deleted by retention. Their dead
-- index entries slow the scans above until vacuum removes them, so vacuum them after a few thousand changes, not
-- after a fifth of the table (PostgreSQL's default), and analyse them as often so plans follow the backlog.
alter table inbox set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 2000,
                       autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 5000,
                       autovacuum_analyze_scale_factor = 0.02);
alter table outbox set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 2000,
                        autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 5000,
                        autovacuum_analyze_scale_factor = 0.02);
