package org.lifeevents.benchmarks.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.wire.EventCodec;

/**
 * Watches {@code eligibility.entitlements.v1} from its end (committed records only, as the payment service reads it)
 * and notes when each child's CHILD_ALLOWANCE decision first appears: the moment the decision is visible to every
 * consumer of the system.
 */
final class DecisionWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    DecisionWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENTITLEMENTS).stream()
                .map(p -> new TopicPartition(Topics.ENTITLEMENTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // positions are resolved now, so nothing published after this constructor returns is missed
        partitions.forEach(consumer::position);
        thread = new Thread(this::watch, "decision-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long seen = System.nanoTime();
                    if (record.value() == null) {
                        continue;
                    }
                    SpecificRecord event = EventCodec.decode(record.value());
                    if (event instanceof EntitlementDecidedEvent decided && decided.getBenefit().equals("CHILD_ALLOWANCE")
                            && decided.getBeneficiaryId() != null) {
                        decidedAt.putIfAbsent(decided.getBeneficiaryId(), seen);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** When (System.nanoTime) the child's CHILD_ALLOWANCE decision was first seen, or null. */
    Long decidedAt(String childId) {
        return decidedAt.get(childId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
