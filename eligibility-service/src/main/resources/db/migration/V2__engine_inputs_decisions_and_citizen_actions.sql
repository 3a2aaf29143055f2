-- Eligibility I: every input held locally (with history where rules need it), entitlements keyed by benefit,
-- beneficiary and source, append-only hash-chained decisions, citizens' confirmations, hand-overs and actions,
-- the tax feed's submissions, and the queue of households to evaluate again.

-- Registry events as received, in order per person (corrections and revocations keep their effective dates here).
create table registration_event (
    event_id          uuid primary key,
    kind              text        not null, -- BIRTH, DEATH, CORRECTION, REVOCATION
    registration_id   text        not null,
    subject_person_id char(11)    not null,
    effective_from    date,
    details           jsonb       not null,
    correlation_id    text        not null,
    occurred_at       timestamptz not null,
    received_at       timestamptz not null default now()
);
create index registration_event_subject on registration_event (subject_person_id);

alter table birth_fact
    add column given_names        text,
    add column mother_in_register boolean not null default true,
    add column father_in_register boolean not null default true,
    add column revoked_at         timestamptz,
    add column corrected_at       timestamptz;

create table death_fact (
    person_id         char(11) primary key,
    registration_id   text        not null,
    birth_date        date,
    date_of_death     date        not null,
    household_id      text,
    spouse_id         char(11),
    household_members jsonb       not null,
    minor_children    jsonb       not null,
    correlation_id    text        not null,
    registered_at     timestamptz not null,
    revoked_at        timestamptz,
    corrected_at      timestamptz
);
create index death_fact_household on death_fact (household_id);

-- Every published state of each household: rules read the situation on the 1st of each month.
create table household_snapshot (
    household_id   text        not null,
    version        bigint      not null,
    effective_from date        not null,
    reason         text        not null,
    snapshot       jsonb       not null,
    correlation_id text        not null,
    received_at    timestamptz not null default now(),
    primary key (household_id, version)
);
insert into household_snapshot (household_id, version, effective_from, reason, snapshot, correlation_id, received_at)
select household_id, version, effective_from, 'INITIAL_LOAD', snapshot, 'migrated', received_at from household_fact;
drop table household_fact;

-- Which households a person's data touches (member, parent in a birth, deceased): what an income or consent re-evaluates.
create table household_person (
    person_id    char(11) not null,
    household_id text     not null,
    primary key (person_id, household_id)
);
create index household_person_household on household_person (household_id);

create table income_fact (
    person_id            char(11)    not null,
    tax_year             int         not null,
    taxable_income_cents bigint      not null check (taxable_income_cents >= 0),
    assessment_id        text        not null,
    assessed_at          timestamptz not null,
    correlation_id       text        not null,
    received_at          timestamptz not null default now(),
    primary key (person_id, tax_year)
);

-- The person's whole consent state as the consent service last published it.
create table consent_fact (
    person_id   char(11) primary key,
    consents    jsonb       not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now()
);

-- Each read of an income under consent (never updated): later decisions reuse it instead of reading again.
create table income_read (
    read_id              uuid primary key,
    person_id            char(11)    not null,
    tax_year             int         not null,
    consent_id           text        not null,
    taxable_income_cents bigint      not null,
    assessment_id        text        not null,
    assessed_at          timestamptz not null,
    read_at              timestamptz not null
);
create index income_read_person_year on income_read (person_id, tax_year, read_at desc);

-- Entitlements: one per benefit, beneficiary and source (entitlement_key), owned by an evaluation scope.
alter table entitlement drop constraint if exists entitlement_benefit_beneficiary_id_source_registration_id_key;
alter table entitlement
    add column entitlement_key text,
    add column scope           text,
    add column span_from       date,
    add column span_until      date,
    add column missing         jsonb   not null default '[]',
    add column parties         text[]  not null default '{}',
    add column citizen_text    text;
alter table entitlement alter column recipient_id drop not null;
alter table entitlement alter column recipient_id type text;
update entitlement set entitlement_key = case benefit
        when 'CHILD_ALLOWANCE' then benefit || ':' || beneficiary_id || ':' || household_id
        else benefit || ':' || beneficiary_id end,
    scope = household_id,
    parties = array[recipient_id];
alter table entitlement alter column entitlement_key set not null;
alter table entitlement alter column scope set not null;
alter table entitlement add constraint entitlement_key_unique unique (entitlement_key);
create index entitlement_scope on entitlement (scope);
create index entitlement_parties on entitlement using gin (parties);

-- Decisions: append-only; each names its predecessor's hash, so a changed or removed row breaks the chain.
alter table decision
    add column entitlement_key text,
    add column version         bigint,
    add column recipient_id    text,
    add column beneficiary_id  char(11),
    add column household_id    text,
    add column periods         jsonb,
    add column amount_cents    bigint,
    add column period_from     date,
    add column period_until    date,
    add column missing         jsonb not null default '[]',
    add column consent_id      text,
    add column change_reason   text,
    add column trigger         text,
    add column previous_hash   text,
    add column hash            text;
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger decision_append_only before update or delete on decision
    for each row execute function forbid_change();
create trigger income_read_append_only before update or delete on income_read
    for each row execute function forbid_change();
create trigger registration_event_append_only before update or delete on registration_event
    for each row execute function forbid_change();

-- Citizens' confirmations (for the parental benefit: taking it) and hand-overs of a child's monthly benefits.
create table confirmation (
    entitlement_key text primary key,
    entitlement_id  uuid        not null,
    person_id       char(11)    not null,
    confirmed_at    timestamptz not null,
    correlation_id  text        not null
);

create table recipient_handover (
    handover_id    uuid primary key,
    child_id       char(11)    not null,
    household_id   text        not null,
    from_person_id char(11)    not null,
    to_person_id   char(11)    not null,
    effective_from date        not null,
    requested_at   timestamptz not null,
    correlation_id text        not null,
    unique (child_id, effective_from)
);
create index recipient_handover_household on recipient_handover (household_id);

-- Every citizen action (who, when, what, with what outcome); never updated.
create table citizen_action (
    action_id      uuid primary key,
    person_id      char(11)    not null,
    actor          text        not null,
    action         text        not null,
    entitlement_id uuid,
    child_id       char(11),
    outcome        text        not null,
    details        jsonb       not null,
    correlation_id text        not null,
    acted_at       timestamptz not null
);
create index citizen_action_person on citizen_action (person_id, acted_at);
create trigger citizen_action_append_only before update or delete on citizen_action
    for each row execute function forbid_change();

-- The tax feed's submissions: a repeated submission answers the same and publishes nothing new.
create table tax_income_submission (
    assessment_id        text primary key,
    person_id            char(11)    not null,
    tax_year             int         not null,
    taxable_income_cents bigint      not null,
    assessed_at          timestamptz not null,
    event_id             uuid        not null,
    received_at          timestamptz not null default now()
);

create table tax_refund_account_submission (
    person_id   char(11)    not null,
    recorded_on date        not null,
    iban        text        not null, -- '' when the record was withdrawn
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (person_id, recorded_on, iban)
);

-- Scopes (households) to evaluate again, e.g. after a parameter change or while the consent check was down.
create table reevaluation_request (
    scope        text primary key,
    reason       text        not null,
    not_before   timestamptz not null,
    requested_at timestamptz not null default now()
);

-- Which ruleset the stored entitlements were last evaluated with.
create table ruleset_state (
    id                int primary key check (id = 1),
    parameter_version text        not null,
    rule_version      text        not null,
    applied_at        timestamptz not null
);
