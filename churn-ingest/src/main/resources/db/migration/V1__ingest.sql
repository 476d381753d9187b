-- Inbound dedupe: one row per (source, id) ever accepted; claimed in the same transaction as the effect.
create table inbound_event (
    source      text        not null,
    event_id    text        not null,
    event_type  text        not null,
    customer_id text        not null,
    received_at timestamptz not null default now(),
    primary key (source, event_id)
);

-- One row per customer loss episode. The document holds the billing and CRM inputs and the
-- derived figures; the columns are what lookups filter on.
create table defection (
    id            uuid        primary key,
    customer_id   text        not null,
    revision      int         not null,
    status        text        not null,
    anchor_at     timestamptz not null,
    loss_month    text        not null,
    value_pending boolean     not null,
    document      jsonb       not null,
    updated_at    timestamptz not null default now()
);
create index defection_customer on defection (customer_id, anchor_at);
create index defection_month on defection (loss_month);
create index defection_pending on defection (id) where value_pending;

-- Reactivations that matched no defection (yet): a cancellation may arrive after it.
create table unmatched_reactivation (
    source         text        not null,
    event_id       text        not null,
    customer_id    text        not null,
    document       jsonb       not null,
    primary key (source, event_id)
);
create index unmatched_reactivation_customer on unmatched_reactivation (customer_id);

-- Dated FX rates: units of the reporting currency for one unit of the currency.
create table fx_rate (
    currency  text          not null,
    rate_date date          not null,
    rate      numeric(20,8) not null check (rate > 0),
    primary key (currency, rate_date)
);

-- Dead letters, with the raw payload, where it came from and every broken rule.
create table rejected_event (
    id           uuid        primary key,
    received_at  timestamptz not null,
    channel      text        not null,
    topic        text,
    kafka_partition int,
    kafka_offset bigint,
    event_id     text,
    event_source text,
    event_type   text,
    customer_id  text,
    violations   jsonb       not null,
    payload      text        not null,
    replayed_at  timestamptz,
    replayed_by  text
);
create index rejected_event_received on rejected_event (received_at desc);
