-- Inbox: ids of the events a consumer has applied, claimed in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
