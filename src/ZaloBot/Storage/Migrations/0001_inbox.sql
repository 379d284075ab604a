-- Every webhook event Zalo delivered and we acknowledged, exactly as received.
-- The receiver writes a row before answering 200; the conversation processor consumes rows in id order per user.
create table inbox (
    id              bigint generated always as identity primary key,
    dedupe_key      text        not null,
    event_name      text        not null,
    app_id          text        not null,
    user_id         text,
    msg_id          text,
    event_time      timestamptz not null,
    received_at     timestamptz not null,
    correlation_id  text,
    payload         text        not null,
    processed_at    timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    parked_at       timestamptz,
    constraint inbox_dedupe_key_unique unique (dedupe_key)
);

-- The processor's work queue: unprocessed, unparked events in arrival order per user.
create index inbox_pending_by_user on inbox (user_id, id) where processed_at is null and parked_at is null;
