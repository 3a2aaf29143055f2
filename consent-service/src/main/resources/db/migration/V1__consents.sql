-- A person's consents to reuse their data for a purpose.
create table consent (
    consent_id      uuid primary key,
    person_id       char(11)    not null,
    purpose         text        not null,
    data_categories text[]      not null,
    valid_from      timestamptz not null,
    valid_until     timestamptz,
    granted_at      timestamptz not null,
    revoked_at      timestamptz,
    receipt_id      uuid        not null
);
create index consent_person on consent (person_id);
