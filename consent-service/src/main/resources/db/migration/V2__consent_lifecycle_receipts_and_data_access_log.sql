-- Consents: the lock that orders each person's changes, the lifecycle announcements, receipts and signing keys,
-- and the citizen's data-access log (append-only, hash-chained per person).

-- One row per person with consents. Every change of the person's consents locks it first, so the events that publish
-- the person's whole state leave in the order the changes commit, each with the state after its change.
create table consent_subject (
    person_id char(11) primary key,
    changes   bigint   not null
);

alter table consent add column revocation_receipt_id uuid;
-- When the lifecycle job published the consent coming into force / expiring (each once).
alter table consent add column start_announced_at timestamptz;
alter table consent add column expiry_announced_at timestamptz;
update consent set start_announced_at = granted_at where valid_from <= granted_at;
create index consent_start_due on consent (valid_from) where start_announced_at is null and revoked_at is null;
create index consent_expiry_due on consent (valid_until)
    where expiry_announced_at is null and revoked_at is null and valid_until is not null;

-- Raised by the triggers of the append-only tables: changing or removing evidence takes deliberate effort
-- (disabling a trigger as the table owner), and the hash chain still shows it.
create function refuse_change_of_evidence() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

-- Keys that sign or once signed consent receipts; the public parts are the published JWKS.
create table receipt_signing_key (
    key_id      text primary key,            -- RFC 7638 thumbprint
    algorithm   text        not null,
    public_jwk  text        not null,
    private_key text,                        -- PKCS#8 PEM of a key generated here (local stack, tests); null when configured
    source      text        not null check (source in ('GENERATED', 'CONFIGURED')),
    created_at  timestamptz not null
);

-- Every receipt as issued (compact JWS), never changed.
create table consent_receipt (
    receipt_id uuid primary key,
    consent_id uuid        not null references consent (consent_id),
    person_id  char(11)    not null,
    kind       text        not null check (kind in ('GRANT', 'REVOCATION')),
    issued_at  timestamptz not null,
    key_id     text        not null references receipt_signing_key (key_id),
    jws        text        not null,
    unique (consent_id, kind)
);
create trigger consent_receipt_append_only before update or delete on consent_receipt
    for each row execute function refuse_change_of_evidence();
create trigger consent_receipt_no_truncate before truncate on consent_receipt
    for each statement execute function refuse_change_of_evidence();

-- The head of each person's data-access chain: its length and the hash of its last entry. Appending locks it.
create table data_access_chain (
    subject_person_id char(11) primary key,
    length            bigint   not null,
    head_hash         char(64) not null
);

-- Every read of a person's data another service reported, in the order it arrived, chained per person:
-- entry_hash = sha256(previous_hash ":" content_hash), content_hash = sha256 of the canonical content.
create table data_access_entry (
    entry_id           bigserial primary key,
    subject_person_id  char(11)    not null,
    sequence           bigint      not null,
    access_id          uuid        not null unique,
    event_id           text        not null,
    accessor_service   text        not null,
    data_category      text        not null,
    purpose            text        not null,
    legal_basis        text        not null,
    consent_id         uuid,
    covered_by_consent boolean,
    decision_id        text,
    details            text,
    correlation_id     text        not null,
    accessed_at        timestamptz not null,
    recorded_at        timestamptz not null,
    content_hash       char(64)    not null,
    previous_hash      char(64)    not null,
    entry_hash         char(64)    not null,
    unique (subject_person_id, sequence)
);
create index data_access_newest_first on data_access_entry (subject_person_id, accessed_at desc, sequence desc);
create trigger data_access_entry_append_only before update or delete on data_access_entry
    for each row execute function refuse_change_of_evidence();
create trigger data_access_entry_no_truncate before truncate on data_access_entry
    for each statement execute function refuse_change_of_evidence();
