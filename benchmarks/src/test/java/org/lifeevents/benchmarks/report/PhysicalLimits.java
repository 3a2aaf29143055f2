package org.lifeevents.benchmarks.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical limits of the stack's own broker and database, measured with the same number of items of the same size
 * the benchmark pushed through the services: what a bare producer, a bare consumer and one set-based insert reach. A
 * service's rate divided by these says how much of the hardware the code uses, which stays comparable across
 * machines when the bare figures do not.
 */
public final class PhysicalLimits {

    private PhysicalLimits() {
    }

    /**
     * Produces {@code records} records of {@code recordBytes} random bytes (keys like a person id) to a new topic with
     * the given partitions (acks=all, the client's defaults otherwise), then consumes them all from the beginning.
     *
     * @return the produce rate then the consume rate
     */
    public static List<Rate> kafka(String bootstrapServers, long records, int recordBytes, int partitions) {
        String topic = "benchmark.physical-limit." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create " + topic, e.getCause());
        }
        byte[] value = new byte[recordBytes];
        new Random(42).nextBytes(value);

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, String.format("%011d", 30_000_000_000L + i), value));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long consumed = 0;
        long consumeStart = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (consumed < records && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        double consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
        return List.of(Rate.of("Kafka: bare produce (acks=all)", records, produceSeconds),
                Rate.of("Kafka: bare consume", consumed, consumeSeconds));
    }

    /** The mean size of the values on a topic, read from its beginning: the size the limits are measured with. */
    public static int meanRecordBytes(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.serializedValueSize();
                }
            }
        }
        return records == 0 ? 0 : (int) (bytes / records);
    }

    /**
     * Inserts {@code rows} rows of about {@code rowBytes} bytes in one statement ({@code insert ... select from
     * generate_series}) into a new, logged table of the given database, and commits.
     */
    public static Rate postgresInsert(String jdbcUrl, String user, String password, long rows, int rowBytes) {
        String table = "physical_limit_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (id bigint primary key, person_id char(11) not null,"
                    + " payload text not null)");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            statement.execute("insert into " + table + " select g, lpad(g::text, 11, '0'), repeat('x', "
                    + Math.max(rowBytes - 19, 1) + ") from generate_series(1, " + rows + ") g");
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            statement.execute("drop table " + table);
            return Rate.of("PostgreSQL: one set-based insert", rows, seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL limit could not be measured", e);
        }
    }
}
