-- Every decision about a defection's cause, append-only: a row is written in the transaction that changes
-- the decision (DefectionWriter), and only when the decision changes, so a replayed event adds none.
-- No foreign key to defection: a withdrawn defection (a contraction) leaves that table but keeps its
-- history, which goes on if a newer revision makes it a loss again.
create table cause_decision (
    id                bigint       generated always as identity primary key,
    defection_id      uuid         not null,
    decided_at        timestamptz  not null,
    cause             text         not null,
    secondary_cause   text,
    confidence        numeric(4,3) not null,
    cause_source      text         not null,
    taxonomy_version  int          not null,
    decided_by        text,
    why               text
);
-- A defection's history in order (the story) and its latest row (is this a change?).
create index cause_decision_defection on cause_decision (defection_id, id);

-- The decisions in force today open the history; when the machine made them is not known, so the row's
-- last change stands in for it.
insert into cause_decision (defection_id, decided_at, cause, secondary_cause, confidence, cause_source,
                            taxonomy_version, decided_by, why)
select id, coalesce(decided_at, updated_at), cause, secondary_cause, confidence, cause_source, taxonomy_version,
       decided_by, 'in force when the cause history began'
from defection
order by loss_month, id;
