package org.lifeevents.registry.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.outbox.OutboxWriter;

/**
 * The backfill's events for the outbox, written in the caller's transaction by the same {@link OutboxWriter} as every
 * other transaction's, with the same ordering locks, so a backfill and the API publishing for one key stay in order.
 */
final class OutboxRows {

    /** One event for the outbox. */
    record Row(String topic, String key, SpecificRecord event) {
    }

    private OutboxRows() {
    }

    static void insert(Connection connection, List<Row> rows) throws SQLException {
        OutboxWriter.write(connection, rows.stream().map(row -> new OutboxWriter.Row(row.topic(), row.key(), row.event()))
                .toList());
    }
}
