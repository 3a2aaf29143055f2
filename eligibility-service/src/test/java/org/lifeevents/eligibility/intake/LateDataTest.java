package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.ConsentCheckEndpoint;
import org.lifeevents.eligibility.Families;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * Data arriving late or changing: a decision waiting for data is decided again when the data arrives (an income
 * assessed after the birth, a consent given a week after it), and each input decides again only the households it
 * touches. A formal correction is held with the record before it, so the rules read each day's record.
 */
@QuarkusTest
class LateDataTest {

    private static final String PARAMETERS = "PARENTAL_BENEFIT_FLOOR@2025-01-01+PARENTAL_BENEFIT_CAP@2025-01-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @ConfigProperty(name = ConsentCheckEndpoint.URL_KEY)
    String consentService;

    Inputs inputs;
    ConsentCheckEndpoint.Control consents;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(bootstrap, clock);
        consents = new ConsentCheckEndpoint.Control(consentService);
    }

    @Test
    void anIncomeAssessedAfterTheBirthCompletesTheWaitingOfferAndDecidesNoOtherHousehold() {
        String mother = person("F", LocalDate.of(1993, 6, 6));
        String father = person("M", LocalDate.of(1990, 2, 2));
        LocalDate born = LocalDate.of(2026, 8, 4);
        String child = person("F", born);
        String household = "H-LD1-" + child;
        consents.allow(mother, "consent-" + mother);
        inputs.consent(mother, "consent-" + mother, "TAX_INCOME");
        Families.couple(inputs, household, mother, father, child, born);
        // a neighbour's household, untouched by the income
        String otherMother = person("F", LocalDate.of(1991, 1, 1));
        String otherChild = person("M", born);
        String otherHousehold = "H-LD1X-" + otherChild;
        Families.couple(inputs, otherHousehold, otherMother, person("M", LocalDate.of(1990, 1, 1)), otherChild, born);
        String key = EntitlementKeys.parentalBenefit(mother, born);

        Entitlement waiting = Stored.awaitEntitlement(key, e -> e.status.equals("PENDING"));
        assertThat(waiting.missingCodes()).containsExactly(Missing.TAX_INCOME);
        Entitlement neighbours = Stored.awaitEntitlement(EntitlementKeys.childAllowance(otherChild, otherHousehold));
        long neighbourDecisions = decisionsOf(otherHousehold);

        inputs.income(mother, 2025, 3_000_000);
        Entitlement offered = Stored.awaitEntitlement(key, e -> e.status.equals("OFFERED"));

        assertThat(offered.periods).containsExactly(new Period(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 10, 31),
                250_000, mother, PARAMETERS));
        Decision decision = Stored.decision(offered.decisionId);
        assertThat(decision.changeReason).isEqualTo("DATA_ARRIVED");
        assertThat(decision.trigger).contains("IncomeAssessedEvent").contains("income 2025 of " + mother);
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        assertThat(decisionsOf(otherHousehold)).as("the income decides only its person's households")
                .isEqualTo(neighbourDecisions);
        assertThat(Stored.entitlement(neighbours.entitlementKey).version).isEqualTo(neighbours.version);
        // the father's offer in the same household is decided again but unchanged: no new decision
        Entitlement fathers = Stored.entitlement(EntitlementKeys.parentalBenefit(father, born));
        assertThat(fathers.status).isEqualTo("PENDING");
        assertThat(Stored.decisions(fathers.entitlementId)).hasSize(1);
    }

    /** Born a week before the business date, consent given on it: the offer completes, every month of the 15 still owed. */
    @Test
    void aConsentGivenAWeekAfterTheBirthCompletesTheOfferWithAllItsMonths() {
        String mother = person("F", LocalDate.of(1996, 9, 9));
        String father = person("M", LocalDate.of(1995, 5, 5));
        LocalDate born = LocalDate.now(clock).minusDays(7);
        String child = person("M", born);
        String household = "H-LD2-" + child;
        inputs.income(mother, born.getYear() - 1, 7_200_000);
        // the income is held before the consent comes: it is the consent that completes the offer
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        Families.couple(inputs, household, mother, father, child, born);
        String key = EntitlementKeys.parentalBenefit(mother, born);
        Entitlement waiting = Stored.awaitEntitlement(key, e -> e.status.equals("PENDING"));
        assertThat(waiting.missingCodes()).containsExactly(Missing.CONSENT_TAX_INCOME);

        consents.allow(mother, "consent-late-" + mother);
        inputs.consent(mother, "consent-late-" + mother, "TAX_INCOME");
        Entitlement offered = Stored.awaitEntitlement(key, e -> e.status.equals("OFFERED"));

        LocalDate first = born.withDayOfMonth(1);
        assertThat(offered.periods).containsExactly(new Period(first, first.plusMonths(15).minusDays(1), 520_000, mother,
                PARAMETERS));
        assertThat(Stored.decision(offered.decisionId).consentId).isEqualTo("consent-late-" + mother);
        assertThat(Stored.decision(offered.decisionId).trigger).contains("ConsentChangedEvent");
    }

    /** A paternity acknowledged later (formal correction) ends the single-parent allowance from its date only. */
    @Test
    void aFormalCorrectionNamingTheFatherEndsTheSingleParentAllowanceFromItsDate() {
        String mother = person("F", LocalDate.of(1990, 8, 1));
        String father = person("M", LocalDate.of(1989, 5, 5));
        LocalDate born = LocalDate.of(2026, 2, 11);
        String child = person("M", born);
        String household = "H-LD3-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Liis", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Oskar", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Liis", null, List.of()), child(child, "Oskar", 1, 1, mother)));
        Entitlement single = Stored.awaitEntitlement(EntitlementKeys.singleParentAllowance(child, household));
        assertThat(single.periods.get(0).untilDate()).isEqualTo(LocalDate.of(2042, 2, 28));

        BirthRecord original = birth.getBirth();
        BirthRecord corrected = BirthRecord.newBuilder().setRegistrationId(original.getRegistrationId())
                .setChildId(child).setGivenNames(original.getGivenNames()).setFamilyName(original.getFamilyName())
                .setSex(original.getSex()).setBirthDate(born).setPlaceOfBirth(original.getPlaceOfBirth())
                .setMother(Inputs.parentRecord(mother)).setFather(Inputs.parentRecord(father)).setChildrenInBirth(1)
                .setBirthOrder(1).setHouseholdId(household).build();
        inputs.correctBirth(birth, "FORMAL_CORRECTION", LocalDate.of(2026, 6, 15), corrected, "father", null, father);

        Entitlement ended = Stored.awaitEntitlement(single.entitlementKey,
                e -> !e.periods.isEmpty() && e.periods.get(0).untilDate().equals(LocalDate.of(2026, 6, 30)));
        assertThat(ended.status).isEqualTo("GRANTED");
        assertThat(ended.periods).hasSize(1);
        assertThat(ended.periods.get(0).fromDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        Decision decision = Stored.decision(ended.decisionId);
        assertThat(decision.explanation.inputs()).anyMatch(i -> i.name().equals("recordCorrectedFrom")
                && i.value().startsWith("2026-06-15") && i.value().contains(mother));
        assertThat(Stored.entitlement(EntitlementKeys.childAllowance(child, household)).periods.get(0).untilDate())
                .isEqualTo(LocalDate.of(2042, 2, 28));
        assertThat(Stored.count("select count(*) from birth_fact where child_id = ?1 and record_from = ?2 and earlier is not"
                + " null", child, LocalDate.of(2026, 6, 15))).isEqualTo(1);
    }

    private static long decisionsOf(String householdId) {
        return Stored.count("select count(*) from decision where household_id = ?1", householdId);
    }
}
