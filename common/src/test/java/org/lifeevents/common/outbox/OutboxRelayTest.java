package org.lifeevents.common.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.localservers.testing.SharedServers;
import org.lifeevents.localservers.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a real PostgreSQL and a real Kafka broker: every committed row reaches its topic exactly once, in
 * order per key, whatever the relay goes through.
 */
class OutboxRelayTest {

    private static final String DATABASE = "outbox_relay_test";
    private static DataSource dataSource;
    private static String bootstrap;

    private final List<OutboxRelay> relays = new ArrayList<>();
    private String topic;
    private String relayName;

    @BeforeAll
    static void servers() throws Exception {
        dataSource = OutboxDatabase.create(DATABASE);
        bootstrap = SharedServers.kafka().bootstrapServers();
    }

    @BeforeEach
    void freshTopicAndRelayName() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "outbox-test-" + suffix;
        relayName = "relay-test-" + suffix;
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("truncate outbox_event");
        }
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void publishesEveryCommittedRowOnceInOrderPerKey() throws Exception {
        for (int i = 0; i < 30; i++) {
            insert("person-" + (i % 3), "event-" + i);
        }

        relay().start();

        List<ConsumerRecord<String, byte[]>> records = awaitRecords(30);
        assertThat(records).extracting(r -> new String(r.value())).doesNotHaveDuplicates();
        for (String key : List.of("person-0", "person-1", "person-2")) {
            List<Integer> order = records.stream().filter(r -> r.key().equals(key))
                    .map(r -> Integer.parseInt(new String(r.value()).substring("event-".length()))).toList();
            assertThat(order).isSorted().hasSize(10);
        }
        assertThat(records.get(0).headers().lastHeader(OutboxRelay.EVENT_ID_HEADER)).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedRows() == 0);
    }

    @Test
    void aCrashAfterTheKafkaCommitDoesNotPublishTheBatchAgain() throws Exception {
        for (int i = 0; i < 10; i++) {
            insert("person-1", "event-" + i);
        }
        OutboxRelay relay = relay();
        AtomicBoolean crashed = new AtomicBoolean();
        relay.afterKafkaCommit(ids -> {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash between the Kafka commit and the database update");
            }
        });

        relay.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> crashed.get() && unpublishedRows() == 0);
        insert("person-1", "event-after-recovery");
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(11);
        assertThat(records).extracting(r -> new String(r.value())).doesNotHaveDuplicates().hasSize(11);
    }

    @Test
    void rowsCommittedWhileTheRelayIsDownArePublishedOnceAfterRestart() throws Exception {
        OutboxRelay first = relay();
        first.start();
        insert("person-1", "before-stop");
        awaitRecords(1);
        first.stop();

        insert("person-1", "while-down-1");
        insert("person-2", "while-down-2");
        Thread.sleep(500);
        assertThat(readAll()).hasSize(1);

        relay().start();

        assertThat(awaitRecords(3)).extracting(r -> new String(r.value()))
                .containsExactlyInAnyOrder("before-stop", "while-down-1", "while-down-2");
    }

    @Test
    void twoInstancesTakeTurnsButNeverBothPublish() throws Exception {
        OutboxRelay one = relay();
        OutboxRelay two = relay();
        one.start();
        two.start();
        for (int i = 0; i < 50; i++) {
            insert("person-" + (i % 5), "event-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublishedRows() == 0);

        assertThat(one.isLeading() && two.isLeading()).isFalse();
        one.stop();
        for (int i = 50; i < 60; i++) {
            insert("person-" + (i % 5), "event-" + i);
        }

        assertThat(awaitRecords(60)).extracting(r -> new String(r.value())).doesNotHaveDuplicates();
    }

    @Test
    void largeEventsArePublishedInBatchesBoundedByTheirBytes() throws Exception {
        // 900 KB each (an event announcing a file's payments is a few hundred KB): at most five fit the byte budget
        byte[] large = new byte[900 * 1024];
        new java.util.Random(7).nextBytes(large);
        for (int i = 0; i < 7; i++) {
            insert("file-" + (i % 2), large);
        }
        OutboxRelay relay = relay();
        List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        relay.afterKafkaCommit(ids -> batches.add(ids.size()));

        relay.start();

        assertThat(awaitRecords(7)).hasSize(7);
        long budgetRows = OutboxRelay.BATCH_BYTES / large.length + 1;
        assertThat(batches).allSatisfy(size -> assertThat(size).isBetween(1, (int) budgetRows));
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
    }

    private OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay(dataSource, Map.of("bootstrap.servers", bootstrap), relayName, 7,
                Duration.ofMillis(50), Duration.ofDays(1));
        relays.add(relay);
        return relay;
    }

    private void insert(String key, String payload) throws SQLException {
        insert(key, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void insert(String key, byte[] payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into outbox_event (event_id, topic, partition_key, event_type, correlation_id, payload)
                        values (?, ?, ?, 'TestEvent', 'corr', ?)""")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, topic);
            statement.setString(3, key);
            statement.setBytes(4, payload);
            statement.executeUpdate();
        }
    }

    private long unpublishedRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery(
                        "select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the topic holds at least the expected count, then reads a little longer to catch duplicates. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(int expected) throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> readAll().size() >= expected);
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return readAll();
    }

    private List<ConsumerRecord<String, byte[]>> readAll() {
        return new TopicReader(bootstrap).readRaw(topic);
    }
}
