-- Every message the service owes a Zalo user, written in the same transaction as the change that caused it,
-- and sent by the outbox dispatcher in id order per recipient.
create table outbox (
    id                bigint generated always as identity primary key,
    recipient_id      text        not null,              -- Zalo user id
    channel           text        not null default 'cs', -- cs (consultation) | transaction | zns
    message           jsonb       not null,              -- Zalo's "message" object, sent as is: {"text": …, "attachment": …}
    idempotency_key   text        not null,              -- what caused it, e.g. inbox:<id>:<n>; a replayed cause adds nothing
    status            text        not null default 'pending', -- pending | sent | dead
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null default now(),
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    zalo_message_id   text,
    last_error        text,
    correlation_id    text,
    constraint outbox_idempotency_key_unique unique (idempotency_key),
    constraint outbox_status_known check (status in ('pending', 'sent', 'dead'))
);

create index outbox_pending_by_recipient on outbox (recipient_id, id) where status = 'pending';
