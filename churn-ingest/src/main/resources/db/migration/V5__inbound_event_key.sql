-- The dedupe table's key is one 16-byte value instead of two texts: the first half of SHA-256 of the
-- event's source and id, length-prefixed so no two (source, id) pairs share an input (InboundLog.key
-- computes the same). Each inbound event inserts into this B-tree; a fixed-width key costs PostgreSQL
-- less per insert (deploy/local/bench-ingest.sh; README, Performance). source and event_id stay, unindexed.
alter table inbound_event add column key uuid;
update inbound_event
set key = encode(substr(sha256(convert_to(octet_length(source) || ':' || source || event_id, 'UTF8')), 1, 16), 'hex')::uuid;
alter table inbound_event alter column key set not null;
alter table inbound_event drop constraint inbound_event_pkey;
alter table inbound_event add primary key (key);
