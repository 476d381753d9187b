-- Defections churn-ingest withdrew (status CONTRACTION: the customer kept another subscription). Their
-- rows leave the defection table, so no figure, list or packet counts them; the revision stays here, so
-- an older revision arriving late is still recognized as stale, and a newer one makes it a loss again.
create table withdrawn_defection (
    id       uuid primary key,
    revision int not null
);
