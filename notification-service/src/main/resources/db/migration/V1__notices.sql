-- The notification service's own database: the notices written for citizens, what the service remembers about the
-- events it reads (who an entitlement pays, whom a case is about), the citizens' preferences, and the e-mails to send.

-- One notice per (citizen, source event): a redelivered or replayed event finds its row and writes nothing.
-- source_event_id is the event id, or event id and payment id for an event that announces a file's payments.
create table notice (
    notice_id        uuid        primary key,
    person_id        text        not null,
    source_event_id  text        not null,
    kind             text        not null,
    required_by_law  boolean     not null,
    occurred_at      timestamptz not null,
    created_at       timestamptz not null,
    title_en         text        not null,
    body_en          text        not null,
    title_zh_tw      text        not null,
    body_zh_tw       text        not null,
    action_path      text        not null,
    disagree_path    text        not null,
    legal_reference  text,
    read_at          timestamptz,
    constraint notice_once_per_citizen_and_event unique (person_id, source_event_id)
);
-- the inbox: a citizen's notices newest first
create index notice_inbox on notice (person_id, occurred_at desc, notice_id);

-- Who an entitlement pays and under which law, from its last decision: a stop, a payment and a claim carry neither.
create table entitlement_party (
    entitlement_id  text   primary key,
    recipient_id    text   not null,
    benefit         text   not null,
    legal_reference text   not null,
    version         bigint not null
);

-- Whom a case is about, from its opening: a resolution carries no person.
create table case_subject (
    case_id   text primary key,
    person_id text not null,
    case_type text not null
);

-- A citizen's choices: language, e-mail address (used only once verified), e-mail on or off.
create table notice_preference (
    person_id               text        primary key,
    language                text        not null,
    email                   text,
    email_verified_at       timestamptz,
    verification_token      text unique,
    verification_expires_at timestamptz,
    email_enabled           boolean     not null,
    updated_at              timestamptz not null
);

-- The e-mails to send, one per notice, written with the notice: sent at a limited rate, retried with growing pauses,
-- never dropped. status: PENDING (to send, next_attempt_at says when), SENT, INBOX_ONLY (no verified address, or the
-- citizen turned e-mail off for a notice the law does not require; the inbox has it).
create table email_delivery (
    notice_id       uuid        primary key references notice (notice_id),
    person_id       text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_to         text,
    sent_at         timestamptz,
    created_at      timestamptz not null
);
create index email_delivery_due on email_delivery (next_attempt_at) where status = 'PENDING';
