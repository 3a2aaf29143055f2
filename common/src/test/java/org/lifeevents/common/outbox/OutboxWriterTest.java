package org.lifeevents.common.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one way rows enter the outbox, against a real PostgreSQL: ids of one key follow commit order, a transaction of
 * thousands of keys holds a bounded number of locks, and a commit wakes a listening relay.
 */
class OutboxWriterTest {

    private static final String DATABASE = "outbox_writer_test";
    private static final String TOPIC = "tax.incomes.v1";
    private static DataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = OutboxDatabase.create(DATABASE);
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate outbox_event");
        }
    }

    @Test
    void aSecondTransactionForTheSameKeyWaitsForTheFirstAndGetsTheLaterId() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            OutboxWriter.write(first, List.of(row("39001010001", "first")));
            CompletableFuture<Void> secondWrite = CompletableFuture.runAsync(() -> {
                try {
                    OutboxWriter.write(second, List.of(row("39001010001", "second")));
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // The second writer is parked on the key's lock for as long as the first stays open.
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForAdvisoryLocks() > 0);
            assertThat(secondWrite).isNotDone();
            first.commit();
            secondWrite.get(10, TimeUnit.SECONDS);
        }
        assertThat(correlationIdsInIdOrder()).containsExactly("first", "second");
    }

    @Test
    void thousandsOfKeysInOneTransactionTakeAtMostOneLockPerBucket() throws Exception {
        List<OutboxWriter.Row> rows = IntStream.range(0, 5_000)
                .mapToObj(i -> row(String.format("%011d", 39_000_000_000L + i), "c" + i)).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            OutboxWriter.write(connection, rows);
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive().isLessThanOrEqualTo(OutboxWriter.LOCK_BUCKETS);
            }
            connection.commit();
        }
        assertThat(correlationIdsInIdOrder()).hasSize(5_000).startsWith("c0", "c1", "c2").endsWith("c4999");
    }

    @Test
    void aCommitWithOutboxRowsWakesAListener() throws Exception {
        try (Connection listener = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            listener.createStatement().execute("listen " + OutboxWriter.CHANNEL);
            writer.setAutoCommit(false);
            OutboxWriter.write(writer, List.of(row("39001010002", "woken")));
            assertThat(listener.unwrap(PGConnection.class).getNotifications(200)).isEmpty();
            writer.commit();
            assertThat(listener.unwrap(PGConnection.class).getNotifications(5_000)).isNotEmpty();
        }
    }

    private static OutboxWriter.Row row(String personId, String correlationId) {
        IncomeAssessedEvent event = IncomeAssessedEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setCorrelationId(correlationId)
                .setAssessmentId("A-" + correlationId)
                .setPersonId(personId)
                .setTaxYear(2025)
                .setTaxableIncomeCents(1_200_000)
                .setAssessedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build();
        return new OutboxWriter.Row(TOPIC, personId + ":2025", event);
    }

    private static long waitingForAdvisoryLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement()
                        .executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> correlationIdsInIdOrder() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement()
                        .executeQuery("select correlation_id from outbox_event order by id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
