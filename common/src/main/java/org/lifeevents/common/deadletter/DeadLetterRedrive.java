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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
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

    /** How long the broker may take to answer a question before the re-drive gives up with a 503. */
    Duration brokerTimeout = Duration.ofSeconds(10);

    /** One re-drive at a time per instance; across instances the intake's record of handled events keeps it once. */
    public synchronized RedriveReport redrive(String sourceTopic) {
        DeadLetterRoutes.Route route = routes.isResolvable() ? routes.get().route(sourceTopic).orElse(null) : null;
        if (route == null) {
            throw ProblemException.notFound("dead_letter_topic_unknown",
                    service + " does not consume " + sourceTopic + ", so it has no dead-letter topic for it");
        }
        return redrive(sourceTopic, route);
    }

    /**
     * The re-drive for a known route. A broker or database that does not answer stops it with a 503: what was
     * re-driven until then is committed and stays done, the record it stopped at and those after it stay on the
     * dead-letter topic for the next re-drive, and none of them is reported as refused, since none was at fault.
     */
    RedriveReport redrive(String sourceTopic, DeadLetterRoutes.Route route) {
        String deadLetterTopic = Topics.deadLetter(sourceTopic, service);
        Progress progress = new Progress();
        try {
            return read(sourceTopic, deadLetterTopic, route, progress);
        } catch (KafkaException e) {
            LOG.warnf(e, "Re-drive of %s stopped: the broker did not answer", deadLetterTopic);
            throw ProblemException.unavailable("kafka_unavailable", "The broker did not answer; " + progress
                    + " before it stopped. The rest stay on " + deadLetterTopic + ": re-drive again later.");
        } catch (IntakeUnavailableException e) {
            LOG.warnf(e.getCause(), "Re-drive of %s stopped: a record could not be handled for now", deadLetterTopic);
            throw ProblemException.unavailable("intake_unavailable", "A record could not be handled for now ("
                    + e.getCause().getClass().getSimpleName() + "); " + progress + " before it. It and the rest "
                    + "stay on " + deadLetterTopic + ": re-drive again later.");
        }
    }

    private RedriveReport read(String sourceTopic, String deadLetterTopic, DeadLetterRoutes.Route route,
            Progress progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, brokerTimeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return new RedriveReport(sourceTopic, deadLetterTopic, 0, 0, List.of());
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), brokerTimeout);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
            // What was dead-lettered before the re-drive began; what arrives meanwhile waits for the next one.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, brokerTimeout);
            long lastAnswer = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p, brokerTimeout) < end.get(p))) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    lastAnswer = System.nanoTime();
                } else if (System.nanoTime() - lastAnswer > brokerTimeout.toNanos()) {
                    // A poll does not fail when the broker goes away; it returns nothing, for ever.
                    throw new TimeoutException("No records from " + deadLetterTopic + " for " + brokerTimeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    progress.read++;
                    try {
                        intake.accept(route.consumer(), record.value(), route.handler());
                        progress.redriven++;
                    } catch (RejectedEventException | UnreadableEventException stillRefused) {
                        progress.refused.add(new RedriveReport.Refusal(record.partition(), record.offset(),
                                stillRefused.getMessage()));
                    } catch (RuntimeException notTheRecordsFault) {
                        // The intake retried and gave up: a fault of ours (the database), not of the record.
                        throw new IntakeUnavailableException(notTheRecordsFault);
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)), brokerTimeout);
                }
            }
        }
        LOG.infof("Re-drove %s: %d read, %d handled, %d refused again", deadLetterTopic, progress.read,
                progress.redriven, progress.refused.size());
        return new RedriveReport(sourceTopic, deadLetterTopic, progress.read, progress.redriven,
                List.copyOf(progress.refused));
    }

    /** What a re-drive has done so far: its report when it ends, what the operator is told when it stops half way. */
    private static final class Progress {
        int read;
        int redriven;
        final List<RedriveReport.Refusal> refused = new ArrayList<>();

        @Override
        public String toString() {
            return redriven + " record(s) re-driven and " + refused.size() + " refused again";
        }
    }

    private static final class IntakeUnavailableException extends RuntimeException {
        IntakeUnavailableException(RuntimeException cause) {
            super(cause);
        }
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
