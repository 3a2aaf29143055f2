package org.lifeevents.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the stack has nothing left to do with what it was told: every service's outbox is published and every
 * consumer group of the services has read its topics to the end, with no record added meanwhile. A test that changed
 * something waits for this instead of sleeping, and then reads outcomes that are complete.
 */
final class Quiescence {

    /** The consumer groups of the services (each service consumes as one group named after it). */
    private static final List<String> GROUPS = List.of("eligibility-service", "payment-service", "consent-service");

    private final LocalStack stack;
    private KafkaConsumer<byte[], byte[]> reader;

    Quiescence(LocalStack stack) {
        this.stack = stack;
    }

    void settle() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(this::quiet);
    }

    private boolean quiet() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, Long> before = behind(admin);
            if (before == null || !outboxesEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> after = behind(admin);
            return before.equals(after);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** The end offsets of the topics the groups read, or null while any group is behind one of them. */
    private Map<TopicPartition, Long> behind(Admin admin) throws InterruptedException, ExecutionException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String group : GROUPS) {
            committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
        }
        List<String> topics = committed.values().stream().flatMap(m -> m.keySet().stream()).map(TopicPartition::topic)
                .distinct().toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        // where the slowest group reading each partition stands, for the partitions some group has not reached the end of
        Map<TopicPartition, Long> gaps = new HashMap<>();
        for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
            List<String> read = offsets.keySet().stream().map(TopicPartition::topic).distinct().toList();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (!read.contains(end.getKey().topic())) {
                    continue;
                }
                OffsetAndMetadata at = offsets.get(end.getKey());
                long from = at == null ? 0 : at.offset();
                if (from < end.getValue()) {
                    gaps.merge(end.getKey(), from, Math::min);
                }
            }
        }
        return gaps.isEmpty() || !anyRecordBetween(gaps, ends) ? ends : null;
    }

    /**
     * Whether a consumer has a record to read in any of the gaps (partition to the offset a group stands at, up to its
     * end): the outbox relays publish in transactions, and the marker that ends one takes an offset no consumer commits
     * past, so a group that read everything can stay one offset short of the end. One consumer reads all the gaps at
     * once; one per partition made each check take seconds.
     */
    private boolean anyRecordBetween(Map<TopicPartition, Long> gaps, Map<TopicPartition, Long> ends) {
        KafkaConsumer<byte[], byte[]> consumer = reader();
        consumer.assign(gaps.keySet());
        gaps.forEach(consumer::seek);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                return true;
            }
            if (gaps.keySet().stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        if (reader == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reader;
    }

    private boolean outboxesEmpty() {
        for (Service service : Service.values()) {
            // a service the test stack leaves out (the notification service) has a database but no tables
            if (service.database() == null || !stack.runs(service)) {
                continue;
            }
            try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()),
                    PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement
                            .executeQuery("select count(*) from outbox_event where published_at is null")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the outbox of " + service.module(), e);
            }
        }
        return true;
    }
}
