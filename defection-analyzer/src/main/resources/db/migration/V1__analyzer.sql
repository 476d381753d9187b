-- Reason taxonomy: every change is a new version; a version applies from its effective month on.
create table taxonomy_version (
    version        int         primary key,
    effective_from date        not null,
    document       jsonb       not null,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    note           text
);

-- The taxonomy version each month is reported under. Pinned when the month gets its first
-- defection; only an explicit backfill moves it, so a month never mixes two versions.
create table month_taxonomy (
    month      text        primary key,
    version    int         not null references taxonomy_version (version),
    pinned_at  timestamptz not null default now()
);

-- Explicit, recorded re-classifications of past months under another taxonomy version.
create table taxonomy_backfill (
    id            uuid        primary key,
    version       int         not null references taxonomy_version (version),
    from_month    text        not null,
    to_month      text        not null,
    reclassified  int         not null,
    kept_manual   int         not null,
    requested_by  text        not null,
    requested_at  timestamptz not null
);

-- The analyzer's copy of each defection (latest revision) with its classification. The columns
-- are what the aggregates and the lists group and filter by; the document is the full event.
create table defection (
    id                uuid         primary key,
    customer_id       text         not null,
    revision          int          not null,
    loss_month        text         not null,
    won_back          boolean      not null,
    voluntary         boolean      not null,
    seats             int          not null,
    mrr               numeric(20,2),
    arr               numeric(20,2),
    lifetime_value    numeric(20,2),
    value_pending     boolean      not null,
    segment           text         not null,
    region            text         not null,
    plan              text         not null,
    tenure_band       text         not null,
    cause             text         not null,
    secondary_cause   text,
    confidence        numeric(4,3) not null,
    cause_source      text         not null,
    taxonomy_version  int          not null,
    evidence          jsonb        not null,
    needs_review      boolean      not null,
    decided_by        text,
    decided_at        timestamptz,
    document          jsonb        not null,
    updated_at        timestamptz  not null default now()
);
create index defection_month_cause on defection (loss_month, cause);
create index defection_customer on defection (customer_id);
create index defection_review on defection (loss_month) where needs_review;

-- Incrementally kept monthly totals: one row per month, dimension (all, segment, region, plan,
-- tenure, voluntary), bucket within it and cause. Losses and win-backs are counted apart.
create table month_total (
    month             text          not null,
    dimension         text          not null,
    bucket            text          not null,
    cause             text          not null,
    customers         int           not null,
    seats             int           not null,
    mrr               numeric(20,2) not null,
    arr               numeric(20,2) not null,
    lifetime_value    numeric(20,2) not null,
    unvalued          int           not null,
    won_back          int           not null,
    won_back_arr      numeric(20,2) not null,
    primary key (month, dimension, bucket, cause)
);

-- Texts people labelled (manual re-causes, call-confirmed causes): the classifier learns from them.
create table labelled_example (
    normalized   text        primary key,
    text         text        not null,
    cause        text        not null,
    labelled_by  text        not null,
    labelled_at  timestamptz not null,
    defection_id uuid
);

-- Months whose figures changed since loss.analysis last heard about them.
create table month_changed (
    month      text        primary key,
    changed_at timestamptz not null default now()
);
