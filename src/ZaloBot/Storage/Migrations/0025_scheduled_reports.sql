-- Weekly and monthly reports pushed to leaders in Zalo: one row per (cadence, period, scope, recipient), written in
-- the same transaction as the report's outbox row, so each leader gets each report once however many replicas run
-- the job and however often it restarts. scope is '' for the whole province, else the agency's code.
create table scheduled_report_deliveries (
    cadence      text        not null check (cadence in ('weekly', 'monthly')),
    period_start date        not null,
    scope        text        not null,
    staff_id     bigint      not null references staff (id),
    period_end   date        not null,
    queued_at    timestamptz not null,
    primary key (cadence, period_start, scope, staff_id)
);
