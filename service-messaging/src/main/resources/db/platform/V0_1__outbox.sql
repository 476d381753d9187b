-- Transactional outbox: written in the business transaction, published later by the relay.
create table outbox (
    id          bigint generated always as identity primary key,
    topic       text        not null,
    event_key   text,
    event_id    uuid        not null unique,
    event_type  text        not null,
    payload     text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
-- The relay only ever scans unsent rows, in commit order.
create index outbox_unsent on outbox (id) where sent_at is null;
