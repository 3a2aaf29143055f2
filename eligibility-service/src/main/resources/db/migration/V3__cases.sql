-- Cases for caseworkers: what the engine cannot decide alone. One open case per case key (type and what it is
-- about), so a redelivered trigger never opens a second one.
create table caseworker_case (
    case_id                 uuid primary key,
    case_key                text        not null,
    case_type               text        not null,
    status                  text        not null,
    subject_person_id       char(11),
    household_id            text,
    entitlement_id          uuid,
    decision_id             uuid,
    summary                 text        not null,
    correlation_id          text        not null,
    opened_at               timestamptz not null,
    assignee                text,
    resolution              text,
    resolved_by             text,
    second_approver         text,
    resolved_at             timestamptz,
    proposed_by             text,
    proposed_reason         text,
    proposed_amount_cents   bigint,
    version                 bigint      not null default 0
);
create unique index caseworker_case_one_open on caseworker_case (case_key) where status <> 'RESOLVED';
create index caseworker_case_key on caseworker_case (case_key, opened_at);
create index caseworker_case_queue on caseworker_case (status, case_type, opened_at);
create index caseworker_case_entitlement on caseworker_case (entitlement_id);

-- Every action on a case (who, when, what, why, which amount); never updated.
create table case_action (
    action_id    uuid primary key,
    case_id      uuid        not null references caseworker_case (case_id),
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    reason       text,
    amount_cents bigint
);
create index case_action_case on case_action (case_id, at);
create trigger case_action_append_only before update or delete on case_action
    for each row execute function forbid_change();

-- What a caseworker decided about an entitlement; applied on top of the rules at every evaluation of its household.
create table caseworker_decision (
    entitlement_key text primary key,
    entitlement_id  uuid        not null,
    kind            text        not null, -- GRANT, REFUSE or AMOUNT
    amount_cents    bigint,
    reason          text        not null,
    case_id         uuid        not null,
    decided_by      text        not null,
    second_approver text,
    decided_at      timestamptz not null
);

-- Payments the payment service reported, per entitlement and period: what was paid to whom.
create table paid_payment (
    payment_id     uuid primary key,
    entitlement_id uuid        not null,
    benefit        text        not null,
    recipient_id   char(11)    not null,
    period_start   date        not null,
    period_end     date        not null,
    amount_cents   bigint      not null,
    status         text        not null, -- SENT, SETTLED or FAILED
    correlation_id text        not null,
    updated_at     timestamptz not null
);
create index paid_payment_entitlement on paid_payment (entitlement_id, period_start);

-- Recovery claims sent: one per (payment, sequence); the sum per payment never exceeds what it paid.
create table recovery_claim (
    claim_id       uuid primary key,
    payment_id     uuid        not null references paid_payment (payment_id),
    sequence       int         not null,
    entitlement_id uuid        not null,
    debtor_id      char(11)    not null,
    period_start   date        not null,
    period_end     date        not null,
    amount_cents   bigint      not null,
    reason         text        not null,
    decision_id    uuid,
    case_id        uuid,
    explanation    text        not null,
    correlation_id text        not null,
    claimed_at     timestamptz not null,
    unique (payment_id, sequence)
);
create index recovery_claim_entitlement on recovery_claim (entitlement_id);
create trigger recovery_claim_append_only before update or delete on recovery_claim
    for each row execute function forbid_change();
