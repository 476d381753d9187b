-- Finding customers (CustomerQueries.search): by customer id, a case-insensitive prefix, or by account
-- name, a case-insensitive substring.
-- The id: a btree on lower(customer_id) with text_pattern_ops turns LIKE 'q%' into a range scan whatever
-- the database's collation. The name: a leading wildcard defeats any btree, so a trigram GIN index
-- (pg_trgm: shipped with PostgreSQL, and a trusted extension since 13, so the database's owner creates it
-- without superuser rights) serves LIKE '%q%' on lower(account_name). Both need the pattern when the
-- query is planned, so the search is never run as a generic plan (it sets prepareThreshold 0). A query of
-- one or two characters holds no whole trigram and matches most names anyway: PostgreSQL then reads the
-- table, which at tens of thousands of defections is still quick.
create extension if not exists pg_trgm;

-- The CRM's account name, kept in step with the document by PostgreSQL itself (no second copy to write).
alter table defection add column account_name text generated always as (document #>> '{customer,accountName}') stored;

create index defection_account_name_trgm on defection using gin (lower(account_name) gin_trgm_ops);
create index defection_customer_id_prefix on defection (lower(customer_id) text_pattern_ops);
