package org.lifeevents.eligibility.consent;

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
import org.lifeevents.events.consent.DataAccessedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * Consent gates the join: the parental benefit reads a parent's income only under an active consent for
 * FAMILY_BENEFITS covering TAX_INCOME that the consent service confirms right before the read; without it the offer
 * says what is missing, and completes by itself when the consent arrives. The consent service's check is served by
 * the test ({@link ConsentCheckEndpoint}) over real HTTP with a real Keycloak token.
 */
@QuarkusTest
class ConsentGatedIncomeTest {

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
    void withoutConsentTheOfferAsksForItAndTheConsentCompletesItWithOneLoggedRead() {
        String mother = person("F", LocalDate.of(1994, 3, 13));
        String father = person("M", LocalDate.of(1992, 5, 20));
        LocalDate born = LocalDate.of(2026, 7, 15);
        String child = person("F", born);
        inputs.income(mother, 2025, 4_200_000);
        // the income is held before the family arrives: it is the consent, not the income, that completes the offer
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        Families.couple(inputs, "H-CG1-" + child, mother, father, child, born);
        String key = EntitlementKeys.parentalBenefit(mother, born);

        Entitlement pending = Stored.awaitEntitlement(key, e -> e.status.equals("PENDING"));

        assertThat(pending.missingCodes()).containsExactly(Missing.CONSENT_TAX_INCOME);
        assertThat(pending.periods).isEmpty();
        assertThat(pending.spanFrom).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(pending.spanUntil).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(pending.citizenText).contains("consent");
        assertThat(consents.calls(mother)).as("no local consent: the consent service is not even asked").isZero();
        assertThat(taxIncomeReadsOf(mother)).isEmpty();

        String consentId = "consent-" + mother;
        consents.allow(mother, consentId);
        inputs.consent(mother, consentId, "TAX_INCOME");
        Entitlement offered = Stored.awaitEntitlement(key, e -> e.status.equals("OFFERED"));

        assertThat(offered.periods).containsExactly(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 9, 30), 350_000,
                mother, "PARENTAL_BENEFIT_FLOOR@2025-01-01+PARENTAL_BENEFIT_CAP@2025-01-01"));
        Decision decision = Stored.decision(offered.decisionId);
        assertThat(decision.consentId).isEqualTo(consentId);
        assertThat(decision.changeReason).isEqualTo("DATA_ARRIVED");
        assertThat(decision.explanation.inputs()).anyMatch(i -> i.name().equals("taxableIncome2025")
                && i.value().equals("42000.00 EUR") && i.source().startsWith("tax authority"));
        assertThat(decision.explanation.arithmetic()).anyMatch(a -> a.contains("/ 12 = 3500.00 EUR"));
        assertThat(consents.calls(mother)).isPositive();
        EntitlementChangedEvent changed = inputs.topics().await(Topics.ENTITLEMENTS, EntitlementChangedEvent.class,
                e -> e.getEntitlementId().equals(offered.entitlementId.toString()), 1).get(0);
        assertThat(changed.getChangeReason()).isEqualTo("DATA_ARRIVED");
        assertThat(changed.getStatus()).isEqualTo("OFFERED");
        DataAccessedEvent read = inputs.topics().await(Topics.DATA_ACCESS, DataAccessedEvent.class,
                e -> e.getSubjectPersonId().equals(mother) && e.getDataCategory().equals("TAX_INCOME"), 1).get(0);
        assertThat(read.getConsentId()).isEqualTo(consentId);
        assertThat(read.getLegalBasis()).isEqualTo("CONSENT");
        assertThat(read.getPurpose()).isEqualTo("FAMILY_BENEFITS");
        assertThat(read.getDecisionId()).isEqualTo(offered.decisionId.toString());

        // Unchanged data is not read (nor logged) again when the household is decided again.
        int callsBefore = consents.calls(mother);
        inputs.household("H-CG1-" + child, 3, LocalDate.of(2026, 10, 1), "CORRECTION", Events.newCorrelationId(),
                List.of(member(mother, "Kati", father, List.of()), member(father, "Jaan", mother, List.of()),
                        child(child, "Mari", 1, 1, mother, father)));
        Stored.awaitConsumed(bootstrap, Topics.HOUSEHOLDS);
        assertThat(taxIncomeReadsOf(mother)).hasSize(1);
        assertThat(consents.calls(mother)).isEqualTo(callsBefore);
        assertThat(Stored.entitlement(key).version).isEqualTo(offered.version);
    }

    @Test
    void theConsentServiceHasTheLastWordOverTheLocalCopy() {
        String mother = person("F", LocalDate.of(1993, 3, 3));
        String father = person("M", LocalDate.of(1991, 1, 1));
        LocalDate born = LocalDate.of(2026, 7, 16);
        String child = person("M", born);
        consents.refuse(mother, "REVOKED");
        inputs.consent(mother, "consent-stale-" + mother, "TAX_INCOME");
        inputs.income(mother, 2025, 3_000_000);
        // the stale consent and the income are held before the family arrives on its own topics
        Stored.awaitConsumed(bootstrap, Topics.CONSENTS);
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        Families.couple(inputs, "H-CG2-" + child, mother, father, child, born);

        Entitlement pending = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(mother, born),
                e -> e.status.equals("PENDING") && consents.calls(mother) > 0);

        assertThat(pending.missingCodes()).containsExactly(Missing.CONSENT_TAX_INCOME);
        assertThat(taxIncomeReadsOf(mother)).isEmpty();
    }

    @Test
    void anUnreachableConsentServiceLeavesTheOfferPendingUntilItIsBack() {
        String mother = person("F", LocalDate.of(1992, 4, 4));
        String father = person("M", LocalDate.of(1990, 2, 2));
        LocalDate born = LocalDate.of(2026, 7, 17);
        String child = person("F", born);
        String key = EntitlementKeys.parentalBenefit(mother, born);
        consents.allow(mother, "consent-" + mother);
        consents.down(true);
        try {
            inputs.consent(mother, "consent-" + mother, "TAX_INCOME");
            inputs.income(mother, 2025, 1_800_000);
            // the consent and the income are held before the family arrives on its own topics
            Stored.awaitConsumed(bootstrap, Topics.CONSENTS);
            Stored.awaitConsumed(bootstrap, Topics.INCOMES);
            Families.couple(inputs, "H-CG3-" + child, mother, father, child, born);

            Entitlement pending = Stored.awaitEntitlement(key,
                    e -> e.status.equals("PENDING") && e.missingCodes().contains(Missing.CONSENT_CHECK));
            assertThat(pending.periods).isEmpty();
            assertThat(taxIncomeReadsOf(mother)).isEmpty();
            // every input is in: only the retry can complete the offer once the consent service is back
            List.of(Topics.REGISTRATIONS, Topics.HOUSEHOLDS, Topics.INCOMES, Topics.CONSENTS)
                    .forEach(topic -> Stored.awaitConsumed(bootstrap, topic));
        } finally {
            consents.down(false);
        }

        Entitlement offered = Stored.awaitEntitlement(key, e -> e.status.equals("OFFERED"));
        assertThat(offered.periods.get(0).amountCents()).isEqualTo(150_000);
        assertThat(Stored.decision(offered.decisionId).trigger).startsWith("re-evaluation");
    }

    /** No income: the floor; above the cap: the cap; the income of the year before the birth. */
    @Test
    void theFloorTheCapAndThePreviousYearsIncome() {
        String mother = person("F", LocalDate.of(1995, 5, 5));
        String father = person("M", LocalDate.of(1989, 9, 9));
        LocalDate born = LocalDate.of(2026, 7, 18);
        String child = person("F", born);
        for (String parent : List.of(mother, father)) {
            consents.allow(parent, "consent-" + parent);
            inputs.consent(parent, "consent-" + parent, "TAX_INCOME", "HOUSEHOLD");
        }
        inputs.income(mother, 2025, 0);
        inputs.income(father, 2024, 1_000_000);
        inputs.income(father, 2025, 8_000_000);
        // the consents and incomes are held before the family arrives on its own topics
        Stored.awaitConsumed(bootstrap, Topics.CONSENTS);
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        Families.couple(inputs, "H-CG4-" + child, mother, father, child, born);

        Entitlement hers = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(mother, born),
                e -> e.status.equals("OFFERED"));
        Entitlement his = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(father, born),
                e -> e.status.equals("OFFERED"));

        assertThat(hers.periods.get(0).amountCents()).isEqualTo(82_000);
        assertThat(his.periods.get(0).amountCents()).isEqualTo(520_000);
        // With a HOUSEHOLD consent the household read rests on it rather than on the statutory task.
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, "H-CG4-" + child));
        DataAccessedEvent householdRead = inputs.topics().await(Topics.DATA_ACCESS, DataAccessedEvent.class,
                e -> allowance.decisionId.toString().equals(e.getDecisionId()), 1).get(0);
        assertThat(householdRead.getLegalBasis()).isEqualTo("CONSENT");
        assertThat(householdRead.getConsentId()).isEqualTo("consent-" + mother);
    }

    private List<DataAccessedEvent> taxIncomeReadsOf(String personId) {
        return inputs.topics().read(Topics.DATA_ACCESS, DataAccessedEvent.class).stream()
                .filter(e -> e.getSubjectPersonId().equals(personId) && e.getDataCategory().equals("TAX_INCOME"))
                .toList();
    }
}
