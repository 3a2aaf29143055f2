package org.lifeevents.eligibility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;

import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.awaitility.Awaitility.await;

/** Reads what the service stored, waiting for asynchronous intake where needed. */
public final class Stored {

    private Stored() {
    }

    public static Entitlement entitlement(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Entitlement.byKey(key));
    }

    /** Waits until the entitlement exists and matches. */
    public static Entitlement awaitEntitlement(String key, Predicate<Entitlement> match) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> entitlement(key), e -> e != null && match.test(e));
    }

    public static Entitlement awaitEntitlement(String key) {
        return awaitEntitlement(key, e -> true);
    }

    public static List<Decision> decisions(UUID entitlementId) {
        return QuarkusTransaction.requiringNew().call(() -> Decision.ofEntitlement(entitlementId));
    }

    public static Decision decision(UUID decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> Decision.findById(decisionId));
    }

    /** Waits until the consumer has handled the event (its id is recorded with the effects, in one transaction). */
    public static void awaitHandled(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> count(
                "select count(*) from processed_message where consumer = ?1 and event_id = ?2", consumer, eventId) == 1);
    }

    public static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Entitlement.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Outbox rows for the topic and key. */
    public static long outboxRows(String topic, String key) {
        return count("select count(*) from outbox_event where topic = ?1 and partition_key = ?2", topic, key);
    }

    /**
     * Waits until the service's consumer group has committed everything now on the topic: after this, a record
     * published before has been handled (or refused), so a test can assert that it changed nothing.
     */
    public static void awaitConsumed(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("eligibility-service").partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
