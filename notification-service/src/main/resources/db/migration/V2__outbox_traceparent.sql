-- The W3C traceparent of the transaction that wrote an outbox row (common's OutboxWriter); the relay sends it as the
-- record's traceparent header, so the consumers continue the trace. Null: written outside any trace. The outbox table
-- comes from the common jar, whose migration numbers no service may add to, so each service adds the column itself.
alter table outbox_event add column traceparent text;
