package org.lifeevents.common.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeevents.common.intake.EventIntake;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.common.kafka.KafkaClientSettings;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Topics;
import org.lifeevents.events.wire.UnreadableEventException;

import io.smallrye.common.annotation.Identifier;

/**
 * Hands the records this service dead-lettered from one topic back to the consumer of that topic, after the fault that
 * refused them is fixed: each through the same intake as a live record, so an event is handled once whatever happens
 * (handled before, re-driven twice, a crash in between), and the dead-letter topic's records are read once each: the
 * position read up to is committed for the re-drive's own consumer group after every record.
 * <p>
 * Not back onto the source topic: the other services read it too, and on a compacted topic an old value re-published
 * would become the key's latest.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    Instance<DeadLetterRoutes> routes;

    @Inject
    EventIntake intake;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClient;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** One re-drive at a time per instance; across instances the intake's record of handled events keeps it once. */
    public synchronized RedriveReport redrive(String sourceTopic) {
        DeadLetterRoutes.Route route = routes.isResolvable() ? routes.get().route(sourceTopic).orElse(null) : null;
        if (route == null) {
            throw ProblemException.notFound("dead_letter_topic_unknown",
                    service + " does not consume " + sourceTopic + ", so it has no dead-letter topic for it");
        }
        String deadLetterTopic = Topics.deadLetter(sourceTopic, service);
        int read = 0;
        int redriven = 0;
        List<RedriveReport.Refusal> refused = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return new RedriveReport(sourceTopic, deadLetterTopic, 0, 0, List.of());
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
            // What was dead-lettered before the re-drive began; what arrives meanwhile waits for the next one.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    read++;
                    try {
                        intake.accept(route.consumer(), record.value(), route.handler());
                        redriven++;
                    } catch (RejectedEventException | UnreadableEventException stillRefused) {
                        refused.add(new RedriveReport.Refusal(record.partition(), record.offset(),
                                stillRefused.getMessage()));
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        LOG.infof("Re-drove %s: %d read, %d handled, %d refused again", deadLetterTopic, read, redriven, refused.size());
        return new RedriveReport(sourceTopic, deadLetterTopic, read, redriven, List.copyOf(refused));
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = KafkaClientSettings.known(kafkaClient, ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, service + ".dead-letter-redrive");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
