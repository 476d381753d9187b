-- The scheduler's copy of each defection (latest revision from loss.defections): who to call, how
-- to reach them, and whether they came back.
create table defection (
    id           uuid        primary key,
    customer_id  text        not null,
    revision     int         not null,
    loss_month   text        not null,
    won_back_at  timestamptz,
    arr          numeric(20,2),
    document     jsonb       not null,
    updated_at   timestamptz not null default now()
);
create index defection_month on defection (loss_month);
create index defection_customer on defection (customer_id);

-- Executives who take calls.
create table executive (
    id         text        primary key,
    name       text        not null,
    email      text        not null unique,
    capacity   int         not null check (capacity >= 0),
    segments   text[]      not null,
    regions    text[]      not null,
    active     boolean     not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- Frozen packets: a revision never changes once stored; a rebuild with different data adds one.
create table packet (
    id           uuid        primary key,
    month        text        not null,
    revision     int         not null,
    built_at     timestamptz not null,
    content      jsonb       not null,
    fingerprint  text        not null,
    delivered_at timestamptz,
    unique (month, revision)
);

-- Calls executives are asked to make. A reassignment closes the row and opens a new one pointing back.
create table call_assignment (
    id              uuid        primary key,
    month           text        not null,
    defection_id    uuid        not null,
    customer_id     text        not null,
    executive_id    text        not null references executive (id),
    why             text        not null,
    brief           jsonb       not null,
    assigned_at     timestamptz not null,
    due_date        date        not null,
    status          text        not null,
    outcome         text,
    learned_cause   text,
    win_back_chance text,
    notes           text,
    follow_up       text,
    completed_at    timestamptz,
    completed_by    text,
    reminded_at     timestamptz,
    escalated_at    timestamptz,
    reassigned_from uuid        references call_assignment (id)
);
create index call_assignment_month on call_assignment (month);
create index call_assignment_executive on call_assignment (executive_id, status);
create index call_assignment_customer on call_assignment (customer_id, completed_at);

-- Actions the review decided, tracked until done.
create table action_item (
    id           uuid        primary key,
    cause        text        not null,
    description  text        not null,
    owner        text        not null,
    due_date     date        not null,
    status       text        not null,
    opened_month text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);
