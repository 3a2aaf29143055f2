-- Registrations keep their current (corrected) record and their status; every accepted write is kept, which makes
-- each write idempotent on the registry's number and is the history of a registration.

alter table registration add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED'));
alter table registration add column record_json jsonb;
update registration set record_json = request_json;
alter table registration alter column record_json set not null;
alter table registration add column event_date date;
update registration set event_date = (request_json ->> 'birthDate')::date where kind = 'BIRTH';
alter table registration add column household_id text;
update registration set household_id = response_json ->> 'householdId';
-- The published record of a death (Avro binary with its writer schema, so it reads back after the contract grows), so a
-- correction republishes it whole without recomputing the survivors.
alter table registration add column death_record bytea;
alter table registration add column death_record_schema text;
-- What a registration changed beyond its own rows, so a revocation can undo it.
alter table registration add column created_person boolean not null default true;
alter table registration add column cleared_spouse_id char(11);
alter table registration add column revoked_at timestamptz;
alter table registration add column revocation_reason text;
alter table registration add column updated_at timestamptz not null default now();
create index registration_subject_kind on registration (subject_person_id, kind) where status = 'ACTIVE';

create table registry_write (
    id                  bigserial primary key,
    -- The namespace of the number: REGISTRATION (births, deaths), CORRECTION, REVOCATION (keyed by the revoked
    -- registration's number) or POPULATION (moves, custody changes).
    scope               text        not null,
    write_number        text        not null,
    kind                text        not null,
    registration_number text,
    request_json        jsonb       not null,
    response_json       jsonb       not null,
    correlation_id      text        not null,
    recorded_by         text        not null,
    recorded_at         timestamptz not null default now(),
    unique (scope, write_number)
);
create index registry_write_registration on registry_write (registration_number, id);

-- Births registered before this table existed keep their history.
insert into registry_write (scope, write_number, kind, registration_number, request_json, response_json,
                            correlation_id, recorded_by, recorded_at)
select 'REGISTRATION', registration_number, kind, registration_number, request_json, response_json, correlation_id,
       'unknown', registered_at
from registration;

-- A household's last published state, so a load that changes nothing publishes nothing.
alter table household add column state_hash text;
-- The last load applied to the household (a digest of the request), so a backfill line applied before is recognised
-- and skipped even when later lines (a birth, a death) changed the household since.
alter table household add column load_hash text;

-- Sequences hand out blocks of 50, so Hibernate batches inserts (pooled optimizer) and bulk loads use fewer calls.
alter sequence household_member_id_seq increment by 50;
alter sequence responsible_adult_id_seq increment by 50;
create index responsible_adult_adult on responsible_adult (adult_id);
create index household_member_household on household_member (household_id) where member_until is null;

-- Bulk backfill jobs: progress is committed with each chunk of lines, so a job resumes after the last chunk.
create table backfill_job (
    job_id         uuid primary key,
    status         text        not null check (status in ('RECEIVING', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    spool_file     text        not null,
    bytes_received bigint      not null default 0,
    lines_total    bigint,
    lines_read     bigint      not null default 0,
    lines_accepted bigint      not null default 0,
    lines_skipped  bigint      not null default 0,
    lines_refused  bigint      not null default 0,
    submitted_by   text        not null,
    correlation_id text        not null,
    failure        text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz not null default now()
);

create table backfill_error (
    id          bigserial primary key,
    job_id      uuid   not null references backfill_job on delete cascade,
    line_number bigint not null,
    field       text,
    code        text   not null,
    message     text   not null
);
create index backfill_error_job on backfill_error (job_id, line_number, id);
