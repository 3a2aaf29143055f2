package org.lifeevents.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.tracing.Traceparents;
import org.lifeevents.events.Events;
import org.lifeevents.events.wire.EventCodec;

/**
 * Writes a transaction's outbox rows in two statements, whatever their number: the one way rows enter the outbox, for
 * the {@link Outbox} of ordinary transactions and for bulk loaders alike.
 * <p>
 * The relay publishes in row-id order, so the rows of one key must get their ids in commit order. Before inserting,
 * the writer takes transaction-scoped advisory locks on the lock buckets of the rows' (topic, key), all in one
 * statement and in ascending order (so two writers can never deadlock on them): a second transaction writing for a key
 * waits until the first commits before it draws its ids. Keys share {@value #LOCK_BUCKETS} buckets per topic, so a
 * transaction holds at most that many locks per topic however many keys it writes for (a payment file of thousands
 * of payments no longer needs thousands of locks); unrelated keys in one bucket merely commit one after the other.
 * The insert notifies the relay ({@value #CHANNEL}), which wakes at the commit instead of polling.
 */
public final class OutboxWriter {

    /** The channel of PostgreSQL's LISTEN/NOTIFY on which a commit with outbox rows wakes the relay. */
    public static final String CHANNEL = "outbox_event";

    /** Lock buckets per topic: bounds the locks of one transaction, which count against max_locks_per_transaction. */
    static final int LOCK_BUCKETS = 128;

    /** Namespace of the outbox's advisory locks: "outbox" in ASCII in the high bytes, the bucket in the low ones. */
    private static final long LOCK_NAMESPACE = 0x6F7574626F780000L;

    /**
     * One event for the outbox: its topic, the partition key that orders it among its kind, the event, and the W3C
     * traceparent of the trace it continues ({@code null}: none).
     */
    public record Row(String topic, String key, SpecificRecord event, String traceparent) {

        /** A row that continues the trace of the moment it is made ({@link Traceparents#forEvent}). */
        public Row(String topic, String key, SpecificRecord event) {
            this(topic, key, event, Traceparents.forEvent(Events.correlationId(event)));
        }
    }

    private OutboxWriter() {
    }

    /** Writes the rows in the connection's current transaction; the caller commits. */
    public static void write(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        UUID[] eventIds = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] correlationIds = new String[size];
        byte[][] payloads = new byte[size][];
        String[] traceparents = new String[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            String correlationId = Events.correlationId(row.event());
            if (correlationId == null || correlationId.isBlank()
                    || correlationId.length() > Events.CORRELATION_ID_MAX_LENGTH) {
                throw new IllegalArgumentException("Event needs a correlation id of 1 to 35 characters: " + correlationId);
            }
            eventIds[i] = UUID.fromString(Events.eventId(row.event()));
            topics[i] = row.topic();
            keys[i] = row.key();
            types[i] = Events.type(row.event());
            correlationIds[i] = correlationId;
            payloads[i] = EventCodec.encode(row.event());
            traceparents[i] = row.traceparent();
        }
        Long[] locks = rows.stream().map(row -> lockId(row.topic(), row.key())).distinct().sorted().toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement("""
                select count(pg_advisory_xact_lock(bucket))
                from (select bucket from unnest(?::bigint[]) with ordinality as l(bucket, n) order by n) as ordered
                """)) {
            lock.setArray(1, connection.createArrayOf("bigint", locks));
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                with inserted as (
                    insert into outbox_event (event_id, topic, partition_key, event_type, correlation_id, payload,
                                              traceparent)
                    select event_id, topic, partition_key, event_type, correlation_id, payload, traceparent
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::text[])
                         with ordinality as r(event_id, topic, partition_key, event_type, correlation_id, payload,
                                              traceparent, n)
                    order by n
                    returning 1)
                select pg_notify('%s', '') from (select count(*) from inserted) as written
                """.formatted(CHANNEL))) {
            insert.setArray(1, connection.createArrayOf("uuid", eventIds));
            insert.setArray(2, connection.createArrayOf("text", topics));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("text", types));
            insert.setArray(5, connection.createArrayOf("text", correlationIds));
            insert.setArray(6, connection.createArrayOf("bytea", payloads));
            insert.setArray(7, connection.createArrayOf("text", traceparents));
            insert.execute();
        }
    }

    /** The advisory lock of a (topic, key): its bucket within the topic. {@code String.hashCode} is fixed by the JLS. */
    static long lockId(String topic, String key) {
        int topicPart = topic.hashCode() & 0xFF;
        int bucket = Math.floorMod(key.hashCode(), LOCK_BUCKETS);
        return LOCK_NAMESPACE | ((long) topicPart << 8) | bucket;
    }
}
