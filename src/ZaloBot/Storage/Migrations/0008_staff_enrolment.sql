-- One-time codes that link a staff account to the Zalo user who sends the code to the OA; stored hashed.
create table staff_enrolment_codes (
    code_hash  bytea primary key,
    staff_id   bigint      not null references staff (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    used_by    text
);

-- Wrong codes per Zalo user, for rate limiting guesses across replicas.
create table staff_enrolment_failures (
    id           bigint generated always as identity primary key,
    zalo_user_id text        not null,
    at           timestamptz not null
);

create index staff_enrolment_failures_by_user on staff_enrolment_failures (zalo_user_id, at);
