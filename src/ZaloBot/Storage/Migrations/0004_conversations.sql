-- One row per Zalo user talking to the OA: the conversation engine's state, replaced in the same transaction that
-- consumes the inbox event, writes tickets and queues the replies.
create table conversations (
    zalo_user_id   text primary key,
    state          jsonb       not null,
    version        integer     not null default 1,
    updated_at     timestamptz not null,
    -- Denormalised from state so the idle ticker can find drafts to remind or expire without reading every row.
    idle_check_at  timestamptz
);

create index conversations_idle_check on conversations (idle_check_at) where idle_check_at is not null;
