package org.lifeevents.registry.outbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.outbox.OutboxRelayService;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.registry.TestData.birth;
import static org.lifeevents.registry.TestData.death;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * The relay is killed between commit and publish: registrations committed while it is down wait in the outbox, and
 * after it restarts each is on the topic exactly once, in commit order per person.
 */
@QuarkusTest
class OutboxKillTest {

    @Inject
    OutboxRelayService relay;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventsCommittedWhileTheRelayIsDownArePublishedOnceInOrderPerPersonAfterRestart() throws Exception {
        String mother = personId("F", LocalDate.of(1988, 1, 9));
        String first = personId("F", LocalDate.of(2026, 1, 9));
        String second = personId("M", LocalDate.of(2026, 1, 9));
        String home = number("H");
        household(home, member(mother, "Kadri"));
        long before = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select coalesce(max(id), 0) from outbox_event").getSingleResult()).longValue());
        relay.stop();
        try {
            String firstBirth = number("B");
            Map<String, Object> twin1 = birth(firstBirth, first, mother);
            twin1.put("childrenInBirth", 2);
            registry().body(twin1).post("/registrations/births").then().statusCode(201);
            Map<String, Object> twin2 = birth(number("B"), second, mother);
            twin2.put("childrenInBirth", 2);
            twin2.put("birthOrder", 2);
            registry().body(twin2).post("/registrations/births").then().statusCode(201);
            registry().body(Map.of("correctionNumber", number("C"), "reason", "typographical", "correctedBy", "official",
                    "changes", Map.of("givenNames", "Maria"))).post("/registrations/" + firstBirth + "/corrections")
                    .then().statusCode(201);
            registry().body(death(number("D"), first, "2026-01-20")).post("/registrations/deaths").then().statusCode(201);

            List<String> committed = eventIds(before, List.of(first, second, home));
            assertThat(committed).hasSize(8);
            assertThat(unpublished(committed)).isEqualTo(8);
            Thread.sleep(500);
            assertThat(onTopics(committed)).isEmpty();
        } finally {
            relay.start();
        }

        List<String> committed = eventIds(before, List.of(first, second, home));
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> onTopics(committed).size() >= committed.size());
        Thread.sleep(1000);
        List<ConsumerRecord<String, byte[]>> published = onTopics(committed);
        assertThat(published).extracting(r -> eventId(r)).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(typesFor(published, first)).containsExactly("BirthRegisteredEvent", "RegistrationCorrectedEvent",
                "DeathRegisteredEvent");
        assertThat(typesFor(published, second)).containsExactly("BirthRegisteredEvent");
        assertThat(published.stream().filter(r -> r.key().equals(home))
                .map(r -> ((org.lifeevents.events.registry.HouseholdChangedEvent) EventCodec.decode(r.value()))
                        .getVersion()))
                .containsExactly(2L, 3L, 4L, 5L);
        await().until(() -> unpublished(committed) == 0);
    }

    /** The outbox rows of the keys, in commit order. */
    @SuppressWarnings("unchecked")
    private List<String> eventIds(long after, List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) entityManager.createNativeQuery("""
                select cast(event_id as text) from outbox_event where partition_key in (?1, ?2, ?3) and id > ?4
                order by id""")
                .setParameter(1, keys.get(0)).setParameter(2, keys.get(1)).setParameter(3, keys.get(2))
                .setParameter(4, after)
                .getResultList()).stream().map(Object::toString).toList());
    }

    private long unpublished(List<String> eventIds) {
        return QuarkusTransaction.requiringNew()
                .call(() -> eventIds.stream().filter(id -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where event_id = cast(?1 as uuid) and published_at is null")
                        .setParameter(1, id).getSingleResult()).longValue() > 0).count());
    }

    /** The records of both topics that carry one of the events, in offset order per partition. */
    private List<ConsumerRecord<String, byte[]>> onTopics(List<String> eventIds) {
        TopicReader reader = new TopicReader(bootstrap);
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        for (String topic : List.of(Topics.REGISTRATIONS, Topics.HOUSEHOLDS)) {
            reader.readRaw(topic).stream().filter(r -> eventIds.contains(eventId(r))).forEach(records::add);
        }
        return records;
    }

    private static List<String> typesFor(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key))
                .map(r -> EventCodec.decode(r.value()).getSchema().getName()).toList();
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        return Events.eventId(EventCodec.decode(record.value()));
    }
}
