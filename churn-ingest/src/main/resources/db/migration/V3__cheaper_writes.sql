-- Less work per inbound event for PostgreSQL, which takes half the CPU of an ingest run
-- (deploy/local/bench-ingest.sh measures it; README, Performance).

-- Nothing in churn-ingest looks defections up by month: the analyzer and the scheduler keep their own copies.
drop index defection_month;
-- Lookups match the customer alone. Without anchor_at in the index, an update that keeps the customer
-- and the pending flag touches no indexed column, so PostgreSQL can make it a HOT update: the new row
-- version stays on its page and no index gets a new entry. fillfactor leaves that room on each page.
drop index defection_customer;
alter table defection set (fillfactor = 70);

-- Ids compare bytewise: no language collation means cheaper B-tree comparisons, and their order
-- means nothing to anyone. Documents are plain text: only churn-ingest writes and reads them, whole,
-- and a json column made PostgreSQL parse each one on the way in.
alter table defection
    alter column customer_id type text collate "C",
    alter column document type text;
create index defection_customer on defection (customer_id);
alter table inbound_event
    alter column source type text collate "C",
    alter column event_id type text collate "C",
    alter column customer_id type text collate "C";
alter table unmatched_reactivation
    alter column source type text collate "C",
    alter column event_id type text collate "C",
    alter column customer_id type text collate "C",
    alter column document type text;

-- Outbox event ids are random UUIDs made by Outbox itself; a unique index on them cost a B-tree
-- insert at a random place per event and guarded against nothing.
alter table outbox drop constraint outbox_event_id_key;
