package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * Deaths, corrections and revocations from the registry are held and decide the households they touch again. (What
 * issue 7 adds on top: notices, recovery claims, cases, corrections from their effective date.)
 */
@QuarkusTest
class RegistryChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    Inputs inputs;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(bootstrap, clock);
    }

    @Test
    void aDeathOffersTheFuneralGrantToTheSpouseAndGrantsTheSurvivorsAllowance() {
        String mother = person("F", LocalDate.of(1985, 5, 5));
        String father = person("M", LocalDate.of(1983, 3, 3));
        String child = person("F", LocalDate.of(2018, 9, 20));
        String household = "H-RC1-" + child;
        inputs.household(household, 1, LocalDate.of(2018, 9, 20), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of()),
                        child(child, "Mia", 1, 1, mother, father)));
        Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household));

        String correlationId = inputs.death("D-" + father, father, LocalDate.of(2026, 9, 10), household, mother, child,
                mother).getCorrelationId();

        Entitlement funeral = Stored.awaitEntitlement(EntitlementKeys.funeralGrant(father));
        assertThat(funeral.status).isEqualTo("OFFERED");
        assertThat(funeral.recipientId).isEqualTo(mother);
        assertThat(funeral.periods).containsExactly(new Period(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 10), 25000,
                mother, "FUNERAL_GRANT@2025-01-01"));
        assertThat(funeral.correlationId).isEqualTo(correlationId);
        Entitlement survivor = Stored.awaitEntitlement(EntitlementKeys.survivorChildAllowance(child, father));
        assertThat(survivor.status).isEqualTo("GRANTED");
        assertThat(survivor.periods).containsExactly(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2036, 9, 30), 15000,
                mother, "SURVIVOR_CHILD_ALLOWANCE@2025-01-01"));
    }

    /** The father was left off the record by a clerical error: the child never was a single parent's. */
    @Test
    void aCorrectionAddingTheFatherFromTheOriginalRegistrationStopsTheSingleParentAllowance() {
        String mother = person("F", LocalDate.of(1990, 1, 10));
        String father = person("M", LocalDate.of(1989, 1, 10));
        LocalDate born = LocalDate.of(2026, 9, 1);
        String child = person("M", born);
        String household = "H-RC2-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Liis", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Oskar", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Liis", null, List.of()), child(child, "Oskar", 1, 1, mother)));
        Entitlement single = Stored.awaitEntitlement(EntitlementKeys.singleParentAllowance(child, household));

        BirthRecord original = birth.getBirth();
        // built afresh, not with Avro's copying builder (which instantiates through Avro's own class loader)
        BirthRecord corrected = BirthRecord.newBuilder().setRegistrationId(original.getRegistrationId())
                .setChildId(child).setGivenNames(original.getGivenNames()).setFamilyName(original.getFamilyName())
                .setSex(original.getSex()).setBirthDate(born).setPlaceOfBirth(original.getPlaceOfBirth())
                .setMother(Inputs.parentRecord(mother)).setFather(Inputs.parentRecord(father)).setChildrenInBirth(1)
                .setBirthOrder(1).setHouseholdId(household).build();
        inputs.correctBirth(birth, "TYPOGRAPHICAL", born, corrected, "father", null, father);

        Entitlement stopped = Stored.awaitEntitlement(single.entitlementKey, e -> e.status.equals("STOPPED"));
        assertThat(stopped.periods).isEmpty();
        EntitlementStoppedEvent event = inputs.topics().await(Topics.ENTITLEMENTS, EntitlementStoppedEvent.class,
                e -> e.getEntitlementId().equals(single.entitlementId.toString()), 1).get(0);
        // the stop names its cause, read from the facts: the corrected birth record, with the correction's reason
        assertThat(event.getReason()).isEqualTo("CORRECTION");
        assertThat(event.getExplanation()).contains("correction of the birth registration").contains("TYPOGRAPHICAL");
        assertThat(event.getCorrelationId()).isEqualTo(birth.getCorrelationId());
        assertThat(Stored.decision(stopped.decisionId).trigger).contains("correction C-B-" + child);
        Entitlement fathers = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(father, born));
        assertThat(fathers.status).isEqualTo("PENDING");
        assertThat(Stored.count("select count(*) from registration_event where subject_person_id = ?1 and kind = ?2",
                child, "CORRECTION")).isEqualTo(1);
    }

    @Test
    void aRevokedBirthEndsEverythingThatStemsFromIt() {
        String mother = person("F", LocalDate.of(1991, 7, 7));
        LocalDate born = LocalDate.of(2026, 9, 2);
        String child = person("F", born);
        String household = "H-RC3-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Ann", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Anu", null, List.of()), child(child, "Ann", 1, 1, mother)));
        List<String> keys = List.of(EntitlementKeys.birthGrant(child), EntitlementKeys.childAllowance(child, household),
                EntitlementKeys.singleParentAllowance(child, household), EntitlementKeys.parentalBenefit(mother, born));
        keys.forEach(Stored::awaitEntitlement);

        inputs.revokeBirth(birth);

        for (String key : keys) {
            Entitlement stopped = Stored.awaitEntitlement(key, e -> e.status.equals("STOPPED"));
            assertThat(inputs.topics().await(Topics.ENTITLEMENTS, EntitlementStoppedEvent.class,
                    e -> e.getEntitlementId().equals(stopped.entitlementId.toString()), 1))
                    .singleElement().satisfies(e -> assertThat(e.getLastOwedDate()).isNull());
        }
    }
}
