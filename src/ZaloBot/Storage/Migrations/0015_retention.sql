-- Retention (docs/operations.md, "Retention and personal data"): the retention job deletes processed inbox events and sent outbox messages oldest first by
-- primary key, so it needs no index of its own. The queue gauges count parked events every 15 s on every replica:
-- a partial index keeps that a lookup of a few rows instead of a scan of millions.
create index if not exists inbox_parked on inbox (id) where parked_at is not null and processed_at is null;
