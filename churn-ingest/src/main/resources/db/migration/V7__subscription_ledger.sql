-- The subscription ledger: every fact billing systems reported about a subscription, one row each: a
-- start, a price change, an end (a cancellation's effective date), a reactivation, a line of an opening
-- balance. A subscription's state at any instant is the replay of its rows up to then (ordered by at,
-- then kind), so the facts may arrive in any order. It counts the customer base and tells a lost
-- customer (no active subscription left) from a contraction.
create table subscription_entry (
    customer_id     text collate "C" not null,
    subscription_id text collate "C" not null,
    at              timestamptz      not null,
    kind            text             not null check (kind in ('BALANCE', 'START', 'CHANGE', 'REACTIVATE', 'END')),
    -- The monthly recurring revenue from then on, in the subscription's own currency (null: unchanged).
    mrr_amount      numeric(20, 4),
    mrr_currency    char(3),
    seats           integer,
    plan            text,
    segment         text,
    region          text,
    -- An end's cause: false when the subscription lapsed on failed payments.
    voluntary       boolean,
    -- Where the fact came from: the event's source and id, or 'opening-balance' and its as-of date.
    source          text collate "C" not null,
    source_id       text collate "C" not null,
    -- A start or reactivation that won a lost customer back: the defection it won back (it wins once).
    wins_back       uuid,
    primary key (customer_id, subscription_id, source, source_id)
);
-- A batch reads its customers' facts by the primary key's first column.

-- The reactivations still waiting for their loss move into the ledger, which keeps every one anyway.
insert into subscription_entry (customer_id, subscription_id, at, kind, mrr_amount, mrr_currency, source, source_id)
select customer_id,
       document::json ->> 'subscriptionId',
       (document::json ->> 'reactivatedAt')::timestamptz,
       'REACTIVATE',
       (document::json -> 'mrr' ->> 'amount')::numeric,
       document::json -> 'mrr' ->> 'currency',
       source,
       event_id
from unmatched_reactivation
on conflict do nothing;
drop table unmatched_reactivation;
