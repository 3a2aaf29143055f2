-- The tax authority's refund account per person: the payout account while the citizen has given none.
create table tax_refund_account (
    person_id   char(11) primary key,
    iban        text,
    recorded_on date        not null,
    updated_at  timestamptz not null default now()
);

-- What the payment service knows of a person from the registry: a name for the credit transfer, and a death, which
-- stops anything being paid to them for a month after the month they died.
create table person (
    person_id       char(11) primary key,
    display_name    text,
    date_of_death   date,
    death_registration_id text,
    updated_at      timestamptz not null default now()
);

-- The latest state of each entitlement, as eligibility last published it (a version not above this one is ignored).
create table entitlement (
    entitlement_id  uuid primary key,
    version         bigint      not null,
    benefit         text        not null,
    status          text        not null,
    monthly         boolean     not null,
    recipient_id    char(11)    not null,
    beneficiary_id  char(11),
    correlation_id  text        not null,
    periods         jsonb       not null,
    last_owed_date  date,
    stop_reason     text,
    granted_on      date,
    planned_through date,
    updated_at      timestamptz not null default now()
);
-- Monthly entitlements whose schedule the daily extension may still have to extend.
create index entitlement_monthly_open on entitlement (entitlement_id) where monthly and status in ('GRANTED', 'STOPPED');

-- Payments: the regular one per (entitlement, period) has top_up_version 0; a top-up after an increase of an amount
-- already paid carries the entitlement version that caused it. The unique key makes a second payment impossible.
alter table payment drop constraint payment_entitlement_id_period_start_key;
alter table payment
    add column top_up_version      bigint not null default 0,
    add column entitlement_version bigint not null default 0,
    add column gross_cents         bigint not null default 0 check (gross_cents >= 0),
    add column offset_cents        bigint not null default 0 check (offset_cents >= 0),
    add column run_id              uuid,
    add column file_id             uuid,
    add column creditor_iban       text,
    add column creditor_name       text,
    add column reason_code         text,
    add column reason_text         text,
    add column sent_at             timestamptz,
    add column settled_at          timestamptz,
    add column updated_at          timestamptz not null default now();
update payment set gross_cents = amount_cents;
alter table payment add constraint payment_once unique (entitlement_id, period_start, top_up_version);
alter table payment add constraint payment_status check (status in
    ('SCHEDULED', 'HELD', 'CANCELLED', 'IN_RUN', 'OFFSET', 'SENT', 'SETTLED', 'FAILED'));
alter table payment add constraint payment_net check (amount_cents = gross_cents - offset_cents);
-- The run's cursor walks this index, so a run over a million payments reads each once.
create index payment_scheduled on payment (payment_id) where status = 'SCHEDULED';
create index payment_in_file on payment (file_id, payment_id) where file_id is not null;
create index payment_in_run on payment (run_id) where run_id is not null;
drop index payment_due;

-- A payment run: durable state so that a crashed run resumes where it stopped and never pays anything twice.
create table payment_run (
    run_id            uuid primary key,
    run_date          date        not null,
    status            text        not null check (status in ('ASSIGNING', 'SENDING', 'COMPLETED')),
    started_by        text        not null,
    started_at        timestamptz not null,
    completed_at      timestamptz,
    assign_cursor     uuid,
    max_per_file      int         not null check (max_per_file > 0),
    file_count        int         not null default 0,
    payment_count     bigint      not null default 0,
    gross_cents       bigint      not null default 0,
    offset_cents      bigint      not null default 0,
    control_sum_cents bigint      not null default 0
);
-- At most one run is unfinished at a time.
create unique index payment_run_one_open on payment_run ((true)) where status <> 'COMPLETED';

-- One pain.001 file of a run; its payments point at it, assigned in the transaction that created it.
create table payment_file (
    file_id        uuid primary key,
    run_id         uuid        not null references payment_run,
    file_no        int         not null,
    message_id     text        not null unique,
    created_at     timestamptz not null,
    status         text        not null check (status in ('ASSEMBLED', 'SENT', 'REPORTED')),
    nb_of_txs      int         not null,
    ctrl_sum_cents bigint      not null,
    sent_at        timestamptz,
    reported_at    timestamptz,
    group_status   text,
    settled_count  int         not null default 0,
    failed_count   int         not null default 0,
    unique (run_id, file_no)
);

-- Money to recover from a person, offset against their next payments; what remains is open for caseworkers.
create table recovery_claim (
    claim_id        uuid primary key,
    entitlement_id  uuid        not null,
    debtor_id       char(11)    not null,
    period_start    date        not null,
    period_end      date        not null,
    amount_cents    bigint      not null check (amount_cents > 0),
    remaining_cents bigint      not null check (remaining_cents >= 0 and remaining_cents <= amount_cents),
    reason          text        not null,
    decision_id     text        not null,
    explanation     text        not null,
    correlation_id  text        not null,
    status          text        not null check (status in ('OPEN', 'SETTLED')),
    received_at     timestamptz not null default now(),
    settled_at      timestamptz
);
create index recovery_claim_open on recovery_claim (debtor_id, received_at) where status = 'OPEN';

-- Each offset of a claim against a payment, shown on the payment.
create table payment_offset (
    payment_id   uuid        not null references payment,
    claim_id     uuid        not null references recovery_claim,
    amount_cents bigint      not null check (amount_cents > 0),
    run_id       uuid        not null,
    created_at   timestamptz not null default now(),
    primary key (payment_id, claim_id)
);
create index payment_offset_claim on payment_offset (claim_id);
