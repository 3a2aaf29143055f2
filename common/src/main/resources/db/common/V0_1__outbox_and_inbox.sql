-- Shared by every service (lives in the common jar): the transactional outbox and the processed-message log.

-- Events written in the business transaction; the relay publishes them to Kafka in id order.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    partition_key  text        not null,
    event_type     text        not null,
    correlation_id text        not null,
    payload        bytea       not null,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- One row per event a consumer has handled, written in the same transaction as the handling.
create table processed_message (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
