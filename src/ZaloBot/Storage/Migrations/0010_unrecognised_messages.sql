-- Messages the bot did not understand, kept for operators to read and add phrases (docs/understanding.md).
-- Stored with phone numbers masked and without the sender: the text is what matters, not who wrote it.
create table unrecognised_messages (
    id          bigint generated always as identity primary key,
    received_at timestamptz not null,
    step        text        not null,
    text        text        not null
);

create index unrecognised_messages_by_time on unrecognised_messages (received_at desc);
