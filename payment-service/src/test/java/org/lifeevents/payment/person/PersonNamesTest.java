package org.lifeevents.payment.person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMember;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The creditor names of the credit transfers come from the population register's household versions, a whole poll
 * written at once: the latest version read names each person, and a person named by two households keeps one row.
 */
@QuarkusTest
class PersonNamesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theLatestHouseholdVersionNamesEachPersonOnce() {
        String mother = Fixtures.person();
        String father = Fixtures.person();
        String child = Fixtures.child();
        String household = "H-NAMES-" + mother;
        TopicReader topics = new TopicReader(bootstrap);
        topics.publish(Topics.HOUSEHOLDS, household, household(household, 1,
                member(mother, "Anna", "Tamm"), member(father, "Peeter", "Tamm")));
        // married and a child born: the mother's family name changes, the father is named again
        topics.publish(Topics.HOUSEHOLDS, household, household(household, 2,
                member(mother, "Anna", "Kask"), member(father, "Peeter", "Tamm"), member(child, "Mari", "Kask")));

        await().atMost(Duration.ofSeconds(60)).until(() -> "Mari Kask".equals(nameOf(child)));
        assertThat(nameOf(mother)).isEqualTo("Anna Kask");
        assertThat(nameOf(father)).isEqualTo("Peeter Tamm");
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> Person.count("personId in ?1", List.of(mother, father, child)));
        assertThat(rows).isEqualTo(3);
    }

    private static String nameOf(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.findById(personId);
            return person == null ? null : person.displayName;
        });
    }

    private static HouseholdChangedEvent household(String householdId, long version, HouseholdMember... members) {
        return HouseholdChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(Events.newCorrelationId())
                .setHouseholdId(householdId)
                .setVersion(version)
                .setEffectiveFrom(LocalDate.of(2026, 1, 1))
                .setReason(version == 1 ? "INITIAL_LOAD" : "BIRTH")
                .setMembers(new ArrayList<>(List.of(members)))
                .build();
    }

    private static HouseholdMember member(String personId, String givenNames, String familyName) {
        PersonId id = new PersonId(personId);
        return HouseholdMember.newBuilder()
                .setPersonId(personId)
                .setGivenNames(givenNames)
                .setFamilyName(familyName)
                .setSex(id.sex())
                .setBirthDate(id.birthDate())
                .setMemberSince(id.birthDate())
                .setLegalParentIds(List.of())
                .setGuardianIds(List.of())
                .build();
    }
}
