-- Evidence: the photos, videos, voice messages and files citizens send, downloaded from Zalo's links
-- (which expire) and kept by the province; and the photos staff attach to replies. The bytes live in a blob store
-- (a local directory or S3-compatible object storage); this table is what is known about each of them.
--
-- status: pending (waiting for a download, or retrying) → stored | unavailable (the link kept failing) |
--         refused (too large, or the bytes are not what they claim to be); erased (user_withdraw) and expired
--         (retention) rows lose their bytes, which the sweeper deletes from the store (purged_at).
create table evidence (
    id                bigint generated always as identity primary key,
    ticket_id         bigint      not null references tickets (id),
    ticket_event_id   bigint      references ticket_events (id),
    position          integer     not null default 0,     -- which attachment of the event
    origin            text        not null check (origin in ('citizen', 'staff')),
    declared_kind     text        not null check (declared_kind in ('image', 'video', 'audio', 'file')),
    source_url        text,                               -- Zalo's link; null for staff uploads and after erasure
    file_name         text,
    status            text        not null default 'pending'
        check (status in ('pending', 'stored', 'unavailable', 'refused', 'erased', 'expired')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_error        text,
    content_type      text,                               -- sniffed from the bytes, not taken from the link
    size_bytes        bigint,
    sha256            text,                               -- lowercase hex
    storage_key       text,
    thumbnail_key     text,
    width             integer,
    height            integer,
    -- A photo's own GPS position (EXIF): evidence for staff, never published.
    photo_latitude    double precision,
    photo_longitude   double precision,
    photo_taken_at    timestamptz,
    zalo_attachment_id text,                              -- staff photos: the id Zalo's upload API gave
    created_at        timestamptz not null,
    downloaded_at     timestamptz,
    purged_at         timestamptz,
    unique (ticket_event_id, position)
);

create index evidence_by_ticket on evidence (ticket_id, id);
create index evidence_due on evidence (next_attempt_at) where status = 'pending';
create index evidence_to_purge on evidence (id) where status in ('erased', 'expired') and purged_at is null;
