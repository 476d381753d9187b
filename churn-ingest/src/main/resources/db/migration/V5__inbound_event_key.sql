-- The dedupe table's key is one 16-byte value instead of two texts: MD5 of the event's source and id,
-- length-prefixed so no two (source, id) pairs share an input (InboundLog.key computes the same).
-- Each inbound event inserts into this B-tree; a fixed-width key costs PostgreSQL less per insert
-- (deploy/local/bench-ingest.sh; README, Performance). source and event_id stay, unindexed, for people.
alter table inbound_event add column key uuid;
update inbound_event set key = md5(octet_length(source) || ':' || source || event_id)::uuid;
alter table inbound_event alter column key set not null;
alter table inbound_event drop constraint inbound_event_pkey;
alter table inbound_event add primary key (key);
