-- Where each person is paid. The IBAN stays here; other services only learn that an account exists.
create table payout_account (
    person_id  char(11) primary key,
    iban       text        not null,
    source     text        not null check (source in ('CITIZEN', 'TAX_AUTHORITY')),
    since      date        not null,
    updated_at timestamptz not null default now()
);

-- One payment per entitlement and period: the unique key is what makes paying twice impossible.
create table payment (
    payment_id     uuid primary key,
    entitlement_id uuid        not null,
    benefit        text        not null,
    recipient_id   char(11)    not null,
    period_start   date        not null,
    period_end     date        not null,
    amount_cents   bigint      not null check (amount_cents >= 0),
    status         text        not null,
    due_date       date        not null,
    correlation_id text        not null,
    created_at     timestamptz not null default now(),
    unique (entitlement_id, period_start)
);
create index payment_recipient on payment (recipient_id);
create index payment_due on payment (status, due_date);
