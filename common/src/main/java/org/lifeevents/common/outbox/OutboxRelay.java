package org.lifeevents.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.lifeevents.common.kafka.KafkaClientSettings;
import org.lifeevents.common.tracing.Traceparents;
import org.lifeevents.events.Topics;
import org.lifeevents.events.wire.EventSerializer;
import org.postgresql.PGConnection;

/**
 * Publishes outbox rows to Kafka exactly once and in commit order per key.
 * <p>
 * One relay per service leads at a time (a PostgreSQL advisory lock held on its own connection). Each batch of rows is
 * sent in one Kafka transaction together with a record on {@link Topics#OUTBOX_PROGRESS} naming the batch's row ids;
 * the rows are marked published afterwards. A relay that dies between the Kafka commit and the database update leaves
 * that record behind: the next leader reads it and marks those rows instead of sending them again. The fixed
 * transactional id fences a stalled former leader, so its late commit cannot add a duplicate either.
 */
public final class OutboxRelay {

    public static final String EVENT_ID_HEADER = "event-id";
    public static final String CORRELATION_ID_HEADER = "correlation-id";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String IDS_PREFIX = "ids:";
    /**
     * Payload bytes per batch beyond which no further row joins it (the first always does): an event that announces a
     * file's payments is a few hundred KB, and a batch of such events must not fill a small service's heap.
     */
    static final long BATCH_BYTES = 4L * 1024 * 1024;

    private final DataSource dataSource;
    private final Map<String, Object> kafkaClient;
    private final String relayName;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration retention;
    private final AtomicLong published = new AtomicLong();
    private volatile Consumer<List<Long>> afterKafkaCommit = ids -> {
    };
    private volatile boolean running;
    private volatile boolean leading;
    private Thread thread;

    /**
     * @param kafkaClient the service's Kafka client configuration (bootstrap servers and whatever a real cluster asks
     *        for: TLS, SASL, client rack), as the service's consumers get it
     */
    public OutboxRelay(DataSource dataSource, Map<String, Object> kafkaClient, String relayName, int batchSize,
            Duration idlePoll, Duration retention) {
        this.dataSource = dataSource;
        this.kafkaClient = Map.copyOf(kafkaClient);
        this.relayName = relayName;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.retention = retention;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay-" + relayName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops publishing; rows not yet published stay in the outbox for the next start. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isLeading() {
        return leading;
    }

    /** Rows published by this relay since it was created. */
    public long publishedCount() {
        return published.get();
    }

    /**
     * Runs after a batch is committed to Kafka and before it is marked in the database. Tests throw from here to play a
     * crash at the worst moment.
     */
    void afterKafkaCommit(Consumer<List<Long>> hook) {
        this.afterKafkaCommit = hook;
    }

    private void run() {
        while (running) {
            try (Connection lock = dataSource.getConnection()) {
                if (!tryLead(lock)) {
                    sleep(Duration.ofSeconds(1));
                    continue;
                }
                leading = true;
                LOG.infof("Outbox relay %s leads", relayName);
                try (KafkaProducer<String, byte[]> producer = newProducer()) {
                    producer.initTransactions();
                    markPublished(lastCommittedBatch());
                    listen(lock);
                    // Housekeeping, not business time: a monotonic timer, and the database's own clock for the age of rows.
                    long nextCleanup = System.nanoTime();
                    while (running && lock.isValid(2)) {
                        if (publishBatch(producer) == 0) {
                            if (System.nanoTime() - nextCleanup >= 0) {
                                deletePublishedOlderThan(retention);
                                nextCleanup = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                            }
                            awaitCommit(lock);
                        }
                    }
                } finally {
                    leading = false;
                    unlock(lock);
                }
            } catch (ProducerFencedException e) {
                LOG.warnf("Outbox relay %s was fenced by another leader", relayName);
            } catch (RelayStopped e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.errorf(e, "Outbox relay %s failed; retrying", relayName);
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        }
    }

    private int publishBatch(KafkaProducer<String, byte[]> producer) throws SQLException {
        List<OutboxRow> rows = nextBatch();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = rows.stream().map(OutboxRow::id).toList();
        producer.beginTransaction();
        try {
            for (OutboxRow row : rows) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(EventSerializer.EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
                headers.add(EVENT_ID_HEADER, row.eventId().getBytes(StandardCharsets.UTF_8));
                headers.add(CORRELATION_ID_HEADER, row.correlationId().getBytes(StandardCharsets.UTF_8));
                if (row.traceparent() != null) {
                    // the consumers' spans continue the trace of the transaction that wrote the row
                    headers.add(Traceparents.HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers));
            }
            producer.send(new ProducerRecord<>(Topics.OUTBOX_PROGRESS, relayName,
                    encodeIds(ids).getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
        afterKafkaCommit.accept(ids);
        markPublished(ids);
        published.addAndGet(ids.size());
        return ids.size();
    }

    private List<OutboxRow> nextBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select id, topic, partition_key, event_type, event_id, correlation_id, payload, traceparent
                        from (select n.*, sum(octet_length(n.payload)) over (order by n.id) as bytes_through
                              from (select * from outbox_event where published_at is null order by id limit ?) as n
                             ) as b
                        where bytes_through - octet_length(payload) < ?
                        order by id
                        """)) {
            statement.setInt(1, batchSize);
            statement.setLong(2, BATCH_BYTES);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getString(8)));
                }
            }
            return rows;
        }
    }

    private void markPublished(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update outbox_event set published_at = now() where id = any(?) and published_at is null")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** Published rows carry the database's {@code now()} of their publication, so their age is measured by it too. */
    private void deletePublishedOlderThan(Duration age) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            statement.setDouble(1, age.toMillis() / 1000.0);
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** The row ids of this relay's last committed batch, read from the progress topic. */
    private List<Long> lastCommittedBatch() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(progressReaderConfig(kafkaClient),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOX_PROGRESS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            String last = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (relayName.equals(record.key())) {
                        last = record.value();
                    }
                }
            }
            return last == null ? List.of() : decodeIds(last);
        }
    }

    /** Subscribes the leader's connection to the commits of outbox rows ({@link OutboxWriter#CHANNEL}). */
    private void listen(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("listen " + OutboxWriter.CHANNEL)) {
            statement.execute();
        }
    }

    /**
     * Waits until a transaction with outbox rows commits, or the idle poll passes: the poll only covers a notification
     * lost with a broken connection, so an idle relay costs nothing and a busy one starts a batch at the commit.
     */
    private void awaitCommit(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, idlePoll.toMillis()));
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            statement.setString(1, "outbox-relay:" + relayName);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, "outbox-relay:" + relayName);
            statement.execute();
        } catch (SQLException e) {
            // the lock goes with the connection anyway
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(producerConfig(kafkaClient, relayName), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * The service's client settings a producer knows (TLS, SASL and the like reach the relay as they reach the
     * consumers), under the settings exactly-once publishing needs, which no service setting may weaken.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafkaClient, String relayName) {
        Map<String, Object> config = KafkaClientSettings.known(kafkaClient, ProducerConfig.configNames());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, relayName + "-outbox-relay");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, relayName + "-outbox-relay");
        return config;
    }

    /** The reader of the progress topic: the service's client settings, reading committed records, committing none. */
    static Map<String, Object> progressReaderConfig(Map<String, Object> kafkaClient) {
        Map<String, Object> config = KafkaClientSettings.known(kafkaClient, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    static String encodeIds(List<Long> ids) {
        return IDS_PREFIX + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> decodeIds(String value) {
        if (!value.startsWith(IDS_PREFIX) || value.length() == IDS_PREFIX.length()) {
            return List.of();
        }
        return Arrays.stream(value.substring(IDS_PREFIX.length()).split(",")).map(Long::valueOf).toList();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            if (!running) {
                throw new RelayStopped();
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record OutboxRow(long id, String topic, String key, String eventType, String eventId, String correlationId,
            byte[] payload, String traceparent) {
    }

    private static final class RelayStopped extends RuntimeException {
        RelayStopped() {
            super(null, null, false, false);
        }
    }
}
