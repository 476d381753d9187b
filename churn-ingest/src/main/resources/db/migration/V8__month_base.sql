-- Every ledger write takes the next number of this sequence, so the month-base measurement knows cheaply
-- whether anything changed since it last measured (sequences never wait on a lock).
create sequence subscription_entry_seq;
alter table subscription_entry add column recorded_seq bigint not null default nextval('subscription_entry_seq');
create index subscription_entry_recorded on subscription_entry (recorded_seq);

-- The month bases as last announced on loss.base (without their measuredAt), and what they were measured
-- from: the ledger's newest number and a fingerprint of the FX rates.
create table month_base (
    month    text primary key,
    document text not null
);
create table month_base_state (
    id          int    primary key check (id = 1),
    ledger_seq  bigint not null,
    fx_digest   text   not null
);
insert into month_base_state (id, ledger_seq, fx_digest) values (1, 0, '');
