-- Facts held locally, from topics (a new instance rebuilds them by reading the topics from the start).
create table birth_fact (
    child_id          char(11) primary key,
    registration_id   text     not null,
    birth_date        date     not null,
    mother_id         char(11),
    father_id         char(11),
    children_in_birth int      not null,
    birth_order       int      not null,
    household_id      text,
    correlation_id    text     not null,
    registered_at     timestamptz not null
);
create index birth_fact_household on birth_fact (household_id);

-- The latest snapshot of each household (a compacted topic's table).
create table household_fact (
    household_id   text primary key,
    version        bigint      not null,
    effective_from date        not null,
    snapshot       jsonb       not null,
    received_at    timestamptz not null default now()
);

create table payout_account_fact (
    person_id     char(11) primary key,
    account_known boolean not null,
    source        text,
    since         date,
    received_at   timestamptz not null default now()
);

-- What is owed: one row per benefit per beneficiary per source registration.
create table entitlement (
    entitlement_id         uuid primary key,
    benefit                text     not null,
    status                 text     not null,
    recipient_id           char(11) not null,
    beneficiary_id         char(11),
    household_id           text,
    source_registration_id text,
    monthly                boolean  not null,
    periods                jsonb    not null,
    legal_reference        text     not null,
    decision_id            uuid     not null,
    correlation_id         text     not null,
    version                bigint   not null,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    unique (benefit, beneficiary_id, source_registration_id)
);
create index entitlement_recipient on entitlement (recipient_id);
create index entitlement_beneficiary on entitlement (beneficiary_id);

-- Every decision with its full explanation; never updated (append-only).
create table decision (
    decision_id       uuid primary key,
    entitlement_id    uuid        not null,
    benefit           text        not null,
    outcome           text        not null,
    explanation       jsonb       not null,
    citizen_text      text        not null,
    legal_reference   text        not null,
    rule_version      text        not null,
    parameter_version text        not null,
    correlation_id    text        not null,
    decided_at        timestamptz not null default now()
);
create index decision_entitlement on decision (entitlement_id);
