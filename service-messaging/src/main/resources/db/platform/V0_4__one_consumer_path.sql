-- One consumer path (service-messaging's Consumers) for every service: one inbox keyed like
-- churn-ingest's (the first 16 bytes of SHA-256 of the length-prefixed source and id, Inbox.key),
-- and dead letters that keep the exact record (bytes, key, headers) and cannot fail on content.
-- Platform migrations are numbered 0.x and applied out of order after a service's own (flyway out-of-order).

create table inbox (
    key          uuid        primary key,
    consumer     text        not null,
    source       text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now()
);
-- The platform's own events before this migration: their sources were fixed per publisher.
insert into inbox (key, consumer, source, event_id, processed_at)
select encode(substr(sha256(convert_to(octet_length(s.source) || ':' || s.source || p.event_id, 'UTF8')), 1, 16), 'hex')::uuid,
       p.consumer, s.source, p.event_id, p.processed_at
from processed_event p
join (values ('defection-analyzer.defections', '/loss-review/churn-ingest'),
             ('review-scheduler.defections', '/loss-review/churn-ingest'),
             ('defection-analyzer.review', '/loss-review/review-scheduler')) as s(consumer, source)
  on s.consumer = p.consumer
on conflict do nothing;
drop table processed_event;

-- A record read again after a failed batch was stored again: keep the first of each.
delete from dead_letter where id in (
    select id from (select id, row_number() over (partition by consumer, topic, kafka_partition, kafka_offset
                                                  order by received_at, id) n from dead_letter) d
    where n > 1);
alter table dead_letter
    alter column topic drop not null,
    alter column kafka_partition drop not null,
    alter column kafka_offset drop not null,
    add column channel          text not null default 'KAFKA',
    add column record_timestamp timestamptz,
    add column record_key       bytea,
    add column headers          jsonb,
    add column tombstone        boolean not null default false,
    add column payload_bytes    bytea,
    add column payload_utf8     boolean,
    add column payload_sha256   bytea,
    add column event_source     text,
    add column subject          text,
    add column replayed_at      timestamptz,
    add column replayed_by      text;
update dead_letter set payload_bytes = convert_to(payload, 'UTF8'), payload_utf8 = true,
                       payload_sha256 = sha256(convert_to(payload, 'UTF8'));
alter table dead_letter drop column payload;
alter table dead_letter rename column payload_bytes to payload;
alter table dead_letter alter column channel drop default;
comment on column dead_letter.payload is 'The exact bytes; null for a tombstone (tombstone) or when only the hash could be kept';
comment on column dead_letter.headers is 'Kafka headers as [{name, value}], both Base64 of the exact bytes';
-- A Kafka record is stored once, however often its batch is read again.
create unique index dead_letter_record on dead_letter (consumer, topic, kafka_partition, kafka_offset)
    where channel = 'KAFKA';
