-- The customer base of each month as churn-ingest last measured it (loss.base): the newest measurement wins.
create table month_base (
    month       text        primary key,
    measured_at timestamptz not null,
    document    text        not null
);
