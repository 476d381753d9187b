-- churn-ingest joins the platform's one consumer path (service-messaging): its dedupe moves into the
-- inbox (same key: V5's SHA-256 of the length-prefixed source and id) and its rejected events into
-- dead_letter, which keeps exact bytes. Runs after the platform's V0_4 (which creates both).
insert into inbox (key, consumer, source, event_id, processed_at)
select key, 'churn-ingest', source, event_id, received_at from inbound_event
on conflict do nothing;
drop table inbound_event;

insert into dead_letter (id, received_at, consumer, channel, topic, kafka_partition, kafka_offset, tombstone,
                         payload, payload_utf8, payload_sha256, event_id, event_source, event_type, subject,
                         violations, replayed_at, replayed_by)
select id, received_at, 'churn-ingest', channel, topic, kafka_partition, kafka_offset, false,
       convert_to(payload, 'UTF8'), true, sha256(convert_to(payload, 'UTF8')), event_id, event_source, event_type,
       customer_id, violations, replayed_at, replayed_by
from rejected_event
on conflict do nothing;
drop table rejected_event;
