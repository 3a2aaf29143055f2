package org.lifeevents.eligibility.decision;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.DataAccessedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * Births and households published on the real topics become explained decisions, stored and announced through the
 * outbox with the registry's correlation id, whatever order the two topics deliver in, and once only.
 */
@QuarkusTest
class BirthDecisionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    Inputs inputs;
    TopicReader topics;

    @BeforeEach
    void inputs() {
        inputs = new Inputs(bootstrap, clock);
        topics = inputs.topics();
    }

    @Test
    void aBirthIsOfferedTheBirthGrantAndGrantedChildAllowanceWithExplanationsAndEvents() {
        String mother = person("F", LocalDate.of(1994, 3, 13));
        String father = person("M", LocalDate.of(1992, 5, 20));
        String child = person("F", LocalDate.of(2026, 3, 2));
        String household = "H-BD1-" + child;
        String correlationId = Events.newCorrelationId();
        inputs.household(household, 1, LocalDate.of(2024, 6, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of())));
        inputs.birth("B-" + child, child, "Mari", LocalDate.of(2026, 3, 2), mother, father, 1, 1, household,
                correlationId);
        inputs.household(household, 2, LocalDate.of(2026, 3, 2), "BIRTH", correlationId,
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of()),
                        child(child, "Mari", 1, 1, mother, father)));

        Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household));

        assertThat(grant.status).isEqualTo("OFFERED");
        assertThat(grant.recipientId).isEqualTo(mother);
        assertThat(grant.periods).containsExactly(new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), 32000,
                mother, "BIRTH_GRANT_PER_CHILD@2025-01-01"));
        assertThat(grant.correlationId).isEqualTo(correlationId);
        assertThat(grant.entitlementId).isEqualTo(Entitlement.idFor(grant.entitlementKey));
        assertThat(allowance.status).isEqualTo("GRANTED");
        assertThat(allowance.periods).containsExactly(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2042, 3, 31), 8000,
                mother, "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01"));
        assertThat(allowance.correlationId).isEqualTo(correlationId);
        assertThat(allowance.parties).contains(mother, father);

        Decision decision = Stored.decision(grant.decisionId);
        assertThat(decision.outcome).isEqualTo("OFFERED");
        assertThat(decision.amountCents).isEqualTo(32000L);
        assertThat(decision.ruleVersion).isEqualTo("reference-ruleset/3");
        assertThat(decision.parameterVersion).isEqualTo("2026-01-01.1");
        assertThat(decision.legalReference).contains("§ 3");
        assertThat(decision.correlationId).isEqualTo(correlationId);
        assertThat(decision.trigger).contains("BirthRegisteredEvent");
        assertThat(decision.citizenText).contains("320.00 EUR");
        assertThat(decision.explanation.inputs()).filteredOn(i -> i.name().equals("mother"))
                .singleElement().satisfies(i -> {
                    assertThat(i.value()).isEqualTo(mother);
                    assertThat(i.source()).isEqualTo("civil registry (birth registration B-" + child + ")");
                    assertThat(i.observedAt()).isNotNull();
                });
        assertThat(decision.explanation.arithmetic()).isNotEmpty();
        assertThat(decision.hash).isEqualTo(DecisionHash.of(decision));
        Decision allowanceDecision = Stored.decision(allowance.decisionId);
        assertThat(allowanceDecision.explanation.inputs()).extracting(Explanation.Input::source)
                .anyMatch(s -> s.startsWith("population register (household " + household + ", version 2"));

        List<EntitlementDecidedEvent> decided = topics.await(Topics.ENTITLEMENTS, EntitlementDecidedEvent.class,
                e -> e.getCorrelationId().equals(correlationId), 4);
        assertThat(decided).extracting(e -> e.getBenefit() + ":" + e.getStatus()).containsExactlyInAnyOrder(
                "BIRTH_GRANT:OFFERED", "CHILD_ALLOWANCE:GRANTED", "PARENTAL_BENEFIT:PENDING", "PARENTAL_BENEFIT:PENDING");
        assertThat(decided).filteredOn(e -> e.getBenefit().equals("BIRTH_GRANT")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getEntitlementId()).isEqualTo(grant.entitlementId.toString());
                    assertThat(e.getDecisionId()).isEqualTo(grant.decisionId.toString());
                    assertThat(e.getPeriods()).singleElement().satisfies(p -> assertThat(p.getAmountCents()).isEqualTo(32000));
                });
        assertThat(Stored.outboxRows(Topics.ENTITLEMENTS, grant.entitlementId.toString())).isEqualTo(1);

        DataAccessedEvent read = topics.await(Topics.DATA_ACCESS, DataAccessedEvent.class,
                e -> allowance.decisionId.toString().equals(e.getDecisionId()), 1).get(0);
        assertThat(read.getSubjectPersonId()).isEqualTo(mother);
        assertThat(read.getDataCategory()).isEqualTo("HOUSEHOLD");
        assertThat(read.getLegalBasis()).isEqualTo("STATUTORY_TASK");
        assertThat(read.getPurpose()).isEqualTo("FAMILY_BENEFITS");
        assertThat(read.getAccessorService()).isEqualTo("eligibility-service");
    }

    /** The household with the child may arrive before the birth: the outcome is the same. */
    @Test
    void theHouseholdMayArriveBeforeTheBirth() {
        String mother = person("F", LocalDate.of(1990, 1, 1));
        String child = person("M", LocalDate.of(2026, 4, 4));
        String household = "H-BD2-" + child;
        String correlationId = Events.newCorrelationId();
        inputs.household(household, 1, LocalDate.of(2026, 4, 4), "BIRTH", correlationId,
                List.of(member(mother, "Liis", null, List.of()), child(child, "Oskar", 1, 1, mother)));
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household));
        inputs.birth("B-" + child, child, "Oskar", LocalDate.of(2026, 4, 4), mother, null, 1, 1, household, correlationId);

        Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));
        Entitlement single = Stored.awaitEntitlement(EntitlementKeys.singleParentAllowance(child, household));

        assertThat(grant.status).isEqualTo("OFFERED");
        assertThat(single.status).isEqualTo("GRANTED");
        assertThat(single.periods.get(0).amountCents()).isEqualTo(8000);
        Stored.awaitConsumed(bootstrap, Topics.REGISTRATIONS);
        assertThat(Stored.entitlement(allowance.entitlementKey).version).isEqualTo(1);
    }

    /** Three children in one birth: 1000.00 EUR birth grant each. */
    @Test
    void tripletsAreEachOfferedTheHigherGrant() {
        String mother = person("F", LocalDate.of(1988, 8, 8));
        LocalDate born = LocalDate.of(2026, 5, 5);
        List<String> children = List.of(person("F", born), person("F", born), person("M", born));
        String household = "H-BD3-" + children.get(0);
        String correlationId = Events.newCorrelationId();
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", correlationId,
                List.of(member(mother, "Eva", null, List.of())));
        for (int i = 0; i < 3; i++) {
            inputs.birth("B-" + children.get(i), children.get(i), "T" + i, born, mother, null, 3, i + 1, household,
                    correlationId);
        }
        for (String child : children) {
            Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));
            assertThat(grant.periods.get(0).amountCents()).isEqualTo(100000);
        }
    }

    /** A record delivered again (a consumer crash) is handled once: no second decision, no second event. */
    @Test
    void aRedeliveredBirthChangesNothing() {
        String mother = person("F", LocalDate.of(1991, 1, 1));
        String child = person("F", LocalDate.of(2026, 6, 6));
        String household = "H-BD4-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        inputs.birth("B-" + child, child, "Ann", LocalDate.of(2026, 6, 6), mother, null, 1, 1, household,
                Events.newCorrelationId());
        Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));

        ConsumerRecord<String, byte[]> original = topics.readRaw(Topics.REGISTRATIONS).stream()
                .filter(r -> child.equals(r.key()) && EventCodec.decode(r.value()) instanceof BirthRegisteredEvent)
                .findFirst().orElseThrow();
        topics.publishRaw(Topics.REGISTRATIONS, original.key(), original.value());
        Stored.awaitConsumed(bootstrap, Topics.REGISTRATIONS);

        assertThat(Stored.decisions(grant.entitlementId)).hasSize(1);
        assertThat(Stored.outboxRows(Topics.ENTITLEMENTS, grant.entitlementId.toString())).isEqualTo(1);
    }

    /** An event breaking the contract goes to the dead-letter topic with the reason, and nothing is stored. */
    @Test
    void aBirthWithAnInvalidPersonIdIsDeadLetteredAndChangesNothing() {
        String mother = person("F", LocalDate.of(1992, 2, 2));
        String invalidChild = "62606060000";
        BirthRegisteredEvent event = inputs.birth("B-BAD-" + mother, invalidChild, "X", LocalDate.of(2026, 6, 6), mother,
                null, 1, 1, "H-BD5", Events.newCorrelationId());

        ConsumerRecord<String, byte[]> dead = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> topics.readRaw(Topics.deadLetter(Topics.REGISTRATIONS, "eligibility-service")).stream()
                        .filter(r -> Events.eventId(EventCodec.decode(r.value())).equals(event.getEventId()))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();

        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not a valid personal identification code");
        assertThat(Stored.count("select count(*) from birth_fact where child_id = ?1", invalidChild)).isZero();
        assertThat(Stored.count("select count(*) from entitlement where beneficiary_id = ?1", invalidChild)).isZero();
    }

    /**
     * The registry's two topics share one channel; a refused household version still goes to the dead-letter topic of
     * the households topic, where whoever re-drives it finds it, and not to the registrations'.
     */
    @Test
    void anInvalidHouseholdIsDeadLetteredBesideItsOwnTopic() {
        String child = person("F", LocalDate.of(2021, 1, 1));
        String household = "H-BD7-" + child;
        HouseholdChangedEvent invalid = inputs.household(household, 1, LocalDate.of(2021, 1, 1), "INITIAL_LOAD",
                Events.newCorrelationId(), List.of(member(child, "Bad parent", null, List.of("62606060003"))));

        ConsumerRecord<String, byte[]> dead = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> topics.readRaw(Topics.deadLetter(Topics.HOUSEHOLDS, "eligibility-service")).stream()
                        .filter(r -> Events.eventId(EventCodec.decode(r.value())).equals(invalid.getEventId()))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();

        assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.HOUSEHOLDS);
        assertThat(topics.readRaw(Topics.deadLetter(Topics.REGISTRATIONS, "eligibility-service")).stream()
                .noneMatch(r -> Events.eventId(EventCodec.decode(r.value())).equals(invalid.getEventId()))).isTrue();
        assertThat(Stored.count("select count(*) from household_snapshot where household_id = ?1", household))
                .isZero();
    }

    /**
     * The consumer handles a poll in one transaction; an invalid birth published between the twins it may share a poll
     * with goes to the dead-letter topic on its own, and the twins are decided as if it had never come.
     */
    @Test
    void anInvalidBirthAmongValidOnesIsDeadLetteredAloneAndTheOthersAreDecided() {
        String mother = person("F", LocalDate.of(1990, 3, 3));
        LocalDate born = LocalDate.of(2026, 7, 7);
        String first = person("F", born);
        String second = person("M", born);
        String household = "H-BD6-" + first;
        String correlationId = Events.newCorrelationId();
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", correlationId,
                List.of(member(mother, "Liis", null, List.of())));
        inputs.birth("B-" + first, first, "One", born, mother, null, 2, 1, household, correlationId);
        BirthRegisteredEvent invalid = inputs.birth("B-BAD-" + first, "62606060002", "X", born, mother, null, 2, 2,
                household, Events.newCorrelationId());
        inputs.birth("B-" + second, second, "Two", born, mother, null, 2, 2, household, correlationId);

        assertThat(Stored.awaitEntitlement(EntitlementKeys.birthGrant(first)).beneficiaryId).isEqualTo(first);
        assertThat(Stored.awaitEntitlement(EntitlementKeys.birthGrant(second)).beneficiaryId).isEqualTo(second);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> topics.readRaw(Topics.deadLetter(Topics.REGISTRATIONS, "eligibility-service")).stream()
                        .anyMatch(r -> Events.eventId(EventCodec.decode(r.value())).equals(invalid.getEventId())));
        Stored.awaitConsumed(bootstrap, Topics.REGISTRATIONS);
        assertThat(Stored.count("select count(*) from birth_fact where child_id = ?1", "62606060002")).isZero();
        assertThat(Stored.count("select count(*) from birth_fact where child_id in (?1, ?2)", first, second)).isEqualTo(2);
    }

    /** Loading a household is a trigger as a birth is: children already registered are owed from go-live. */
    @Test
    void aHouseholdLoadedWithChildrenGrantsTheirMonthlyBenefitsFromGoLive() {
        String mother = person("F", LocalDate.of(1990, 8, 1));
        String mia = person("F", LocalDate.of(2019, 6, 11));
        String oskar = person("M", LocalDate.of(2022, 2, 17));
        String household = "H-BD6-" + mia;
        inputs.household(household, 1, LocalDate.of(2019, 6, 11), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Liis", null, List.of()), child(mia, "Mia", 1, 1, mother),
                        child(oskar, "Oskar", 1, 1, mother)));

        Entitlement miaAllowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(mia, household));
        Entitlement oskarSingle = Stored.awaitEntitlement(EntitlementKeys.singleParentAllowance(oskar, household));

        assertThat(miaAllowance.periods).containsExactly(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2035, 6, 30),
                8000, mother, "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01"));
        assertThat(oskarSingle.periods.get(0).fromDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Stored.entitlement(EntitlementKeys.birthGrant(mia))).isNull();
    }
}
