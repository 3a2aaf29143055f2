package org.lifeevents.localservers.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.events.wire.EventSerializer;

/**
 * Reads and writes a topic of the real broker in tests: everything committed from the beginning, decoded, so a test
 * can assert what is on the topic and how often.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every committed record of the topic, in offset order per partition. */
    public List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().getOrDefault(topic, List.of()).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.<ConsumerRecord<String, byte[]>> comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** The decoded events of the topic of the given type. */
    public <T extends SpecificRecord> List<T> read(String topic, Class<T> type) {
        return readRaw(topic).stream()
                .map(r -> r.value() == null ? null : EventCodec.decode(r.value()))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Waits until the topic holds events of the type that match, then returns all of that type that match. */
    public <T extends SpecificRecord> List<T> await(String topic, Class<T> type, Predicate<T> match, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<T> found = List.of();
        while (System.nanoTime() - deadline < 0) {
            found = read(topic, type).stream().filter(match).toList();
            if (found.size() >= atLeast) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(
                "Expected " + atLeast + " " + type.getSimpleName() + " on " + topic + ", found " + found.size());
    }

    /** Publishes an event as a producer of the contract would (tests that play another service). */
    public void publish(String topic, String key, SpecificRecord event) {
        publishRaw(topic, key, EventCodec.encode(event));
    }

    /** Publishes raw bytes, e.g. a malformed message or a redelivery of a record read before. */
    public void publishRaw(String topic, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            if (value != null && value.length > 2 && value[0] == (byte) 0xC3) {
                try {
                    record.headers().add(EventSerializer.EVENT_TYPE_HEADER,
                            EventCodec.writerSchema(value).getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    // not one of ours: sent without the header, as a foreign producer would
                }
            }
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
