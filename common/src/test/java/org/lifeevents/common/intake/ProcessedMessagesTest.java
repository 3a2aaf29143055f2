package org.lifeevents.common.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.outbox.OutboxDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handled event ids are forgotten after the retention, counted back from each consumer's newest id, against a real
 * PostgreSQL: a consumer that has been idle for longer than the retention forgets nothing, and the delete runs in
 * batches until nothing past the horizon is left.
 */
class ProcessedMessagesTest {

    private static DataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = OutboxDatabase.create("processed_messages_test");
    }

    @Test
    void idsOlderThanTheRetentionBeforeTheConsumersNewestAreDeletedAndNoOthers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate processed_message");
        }
        try (Connection connection = dataSource.getConnection()) {
            // One transaction, so every row's now() is the same instant and the days are exact.
            connection.setAutoCommit(false);
            // A busy consumer: 25 ids a day for 60 days up to today.
            for (int day = 60; day >= 0; day--) {
                for (int i = 0; i < 25; i++) {
                    record(connection, "busy", "busy-" + day + "-" + i, day);
                }
            }
            // A consumer stopped 90 days ago, after 40 days of work: its redeliveries may still come when it is back.
            for (int day = 130; day >= 90; day--) {
                record(connection, "idle", "idle-" + day, day);
            }
            connection.commit();
        }

        long deleted = ProcessedMessages.prune(dataSource, Duration.ofDays(30), 100);

        // busy: days 31 to 60 are older than 30 days before its newest (today); idle: days 121 to 130 before day 90.
        assertThat(deleted).isEqualTo(30 * 25 + 10);
        assertThat(daysKept("busy")).containsExactlyElementsOf(range(0, 30));
        assertThat(daysKept("idle")).containsExactlyElementsOf(range(90, 120));
        assertThat(ProcessedMessages.prune(dataSource, Duration.ofDays(30), 100)).isZero();
    }

    private static void record(Connection connection, String consumer, String eventId, int daysAgo)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into processed_message (consumer, event_id, processed_at) values (?, ?, now() - make_interval(days => ?))")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setInt(3, daysAgo);
            insert.executeUpdate();
        }
    }

    private static List<Integer> daysKept(String consumer) throws SQLException {
        List<Integer> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select distinct extract(day from now() - processed_at)::int
                from processed_message where consumer = ? order by 1""")) {
            query.setString(1, consumer);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getInt(1));
                }
            }
        }
        return days;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> days = new ArrayList<>();
        for (int day = from; day <= to; day++) {
            days.add(day);
        }
        return days;
    }
}
