-- One B-tree for defections instead of two: every lookup and write names the customer, so a key of
-- (customer, id) serves both, and a new episode costs one index insert, not two at random places
-- (deploy/local/bench-ingest.sh; README, Performance). Ids stay unique: they are random UUIDs.
alter table defection drop constraint defection_pkey;
drop index defection_customer;
alter table defection add primary key (customer_id, id);
