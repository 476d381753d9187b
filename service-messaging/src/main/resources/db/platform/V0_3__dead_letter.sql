-- Events a consumer could not use (unreadable or breaking the contract): kept with where they came
-- from and why, and announced on loss.rejected, so consumption goes on and nothing is lost silently.
create table dead_letter (
    id              uuid        primary key,
    received_at     timestamptz not null,
    consumer        text        not null,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    event_id        text,
    event_type      text,
    violations      jsonb       not null,
    payload         text        not null
);
create index dead_letter_received on dead_letter (received_at desc);
