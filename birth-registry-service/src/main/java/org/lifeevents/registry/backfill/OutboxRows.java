package org.lifeevents.registry.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.Events;
import org.lifeevents.events.wire.EventCodec;

/**
 * Writes many outbox rows in one JDBC batch, in the caller's transaction: the bulk counterpart of
 * {@link org.lifeevents.common.outbox.Outbox#publish}, with the same rows, so the same relay publishes them in order.
 */
final class OutboxRows {

    /** One event for the outbox. */
    record Row(String topic, String key, SpecificRecord event) {
    }

    private OutboxRows() {
    }

    static void insert(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, partition_key, event_type, correlation_id, payload)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (Row row : rows) {
                String correlationId = Events.correlationId(row.event());
                if (correlationId == null || correlationId.isBlank()
                        || correlationId.length() > Events.CORRELATION_ID_MAX_LENGTH) {
                    throw new IllegalArgumentException("Event needs a correlation id of 1 to 35 characters");
                }
                statement.setObject(1, UUID.fromString(Events.eventId(row.event())));
                statement.setString(2, row.topic());
                statement.setString(3, row.key());
                statement.setString(4, Events.type(row.event()));
                statement.setString(5, correlationId);
                statement.setBytes(6, EventCodec.encode(row.event()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
