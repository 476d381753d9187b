-- Who did what through the public API: every write and every read of contact data.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    principal   text        not null,
    roles       text        not null,
    action      text        not null,
    method      text        not null,
    path        text        not null,
    target      text,
    status      int         not null
);
create index audit_log_at on audit_log (at desc);
create index audit_log_principal on audit_log (principal, at desc);
