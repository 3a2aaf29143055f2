-- The population register: persons, households, who lives where and who is responsible for whom.
create table person (
    person_id              char(11) primary key,
    given_names            text    not null,
    family_name            text    not null,
    sex                    char(1) not null,
    birth_date             date    not null,
    date_of_death          date,
    in_population_register boolean not null default true,
    spouse_id              char(11),
    children_in_birth      int     not null default 1,
    birth_order            int     not null default 1,
    created_at             timestamptz not null default now()
);

create table household (
    household_id  text primary key,
    version       bigint not null,
    street        text,
    postal_code   text,
    municipality  text,
    country_code  char(2),
    updated_at    timestamptz not null default now()
);

-- Membership history: member_until is the last day the person belongs (null while they do).
create table household_member (
    id           bigserial primary key,
    household_id text     not null references household,
    person_id    char(11) not null references person,
    member_since date     not null,
    member_until date,
    unique (household_id, person_id, member_since)
);
create index household_member_person on household_member (person_id) where member_until is null;

-- Legal parents and guardians of a person.
create table responsible_adult (
    id        bigserial primary key,
    child_id  char(11) not null references person,
    adult_id  char(11) not null references person,
    relation  text     not null check (relation in ('PARENT', 'GUARDIAN')),
    unique (child_id, adult_id)
);

-- Every registration write, keyed by the registry's own number: the idempotency record and the history.
create table registration (
    registration_number text primary key,
    kind                text        not null,
    subject_person_id   char(11)    not null,
    request_json        jsonb       not null,
    response_json       jsonb       not null,
    correlation_id      text        not null,
    registered_at       timestamptz not null default now()
);
create index registration_subject on registration (subject_person_id);
