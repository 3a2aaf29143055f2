package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.ConsentCheckEndpoint;
import org.lifeevents.eligibility.Families;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Payments;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.CaseResolvedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;
import static org.lifeevents.eligibility.cases.CaseTriggersTest.awaitCase;
import static org.lifeevents.eligibility.cases.CaseTriggersTest.casesWithKey;

/**
 * Cases that open at once and close by themselves, on the real topics: an unknown person and a child in two households
 * open a case without waiting, and each closes (logged, audited, announced) when the register settles it; a case about
 * a missing payout account, an income or any data a decision waited for closes when it arrives; rejecting a MONEY_ALREADY_PAID
 * case cancels its claims
 * with an event, once.
 */
@QuarkusTest
class CaseLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @Inject
    CaseJob job;

    @Inject
    CaseService caseService;

    @ConfigProperty(name = ConsentCheckEndpoint.URL_KEY)
    String consentService;

    Inputs inputs;
    Payments payments;
    ConsentCheckEndpoint.Control consents;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(bootstrap, clock);
        payments = new Payments(inputs.topics(), clock);
        consents = new ConsentCheckEndpoint.Control(consentService);
    }

    @Test
    void anIncomeOfAPersonTheRegisterDoesNotKnowOpensOneCaseAtOnceThatClosesWhenAHouseholdNamesThem() {
        String stranger = person("F", LocalDate.of(1985, 1, 9));
        inputs.income(stranger, 2025, 3_000_000);
        inputs.income(stranger, 2025, 3_100_000);
        Case unknown = awaitCase("UNKNOWN_PERSON:" + stranger);
        assertThat(unknown.subjectPersonId).isEqualTo(stranger);
        assertThat(unknown.summary).contains("income assessment").contains("does not know");
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        assertThat(casesWithKey("UNKNOWN_PERSON:" + stranger)).isEqualTo(1);

        String household = "H-CL1-" + stranger;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(stranger, "Ene", null, List.of())));

        Case closed = awaitResolved(unknown.caseId);
        assertClosedByData(closed, "household " + household);
    }

    @Test
    void aBirthWhoseMotherTheRegisterDoesNotKnowOpensACaseAtOnce() {
        LocalDate born = LocalDate.of(2026, 8, 3);
        String child = person("F", born);
        String mother = person("F", LocalDate.of(1994, 6, 6));
        BirthRegisteredEvent birth = inputs.birthEvent("B-" + child, child, "Liis", born, mother, null, 1, 1,
                "H-CL2-" + child, Events.newCorrelationId());
        birth.getBirth().getMother().setInPopulationRegister(false);
        inputs.topics().publish(Topics.REGISTRATIONS, child, birth);

        Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child), e -> e.status.equals("PENDING"));
        Case unknown = awaitCase("UNKNOWN_PERSON:" + grant.entitlementId);
        assertThat(unknown.entitlementId).isEqualTo(grant.entitlementId);
        assertThat(unknown.summary).contains("population register");
        assertThat(inputs.topics().await(Topics.CASES, CaseOpenedEvent.class,
                e -> e.getCaseId().equals(unknown.caseId.toString()), 1)).singleElement()
                .satisfies(e -> assertThat(e.getCaseType()).isEqualTo("UNKNOWN_PERSON"));
    }

    @Test
    void aChildInTwoHouseholdsOpensAConflictAtOnceThatClosesWhenOneHouseholdLetsTheChildGo() {
        LocalDate born = LocalDate.of(2019, 4, 4);
        String kid = person("M", born);
        String mother = person("F", LocalDate.of(1990, 3, 3));
        String father = person("M", LocalDate.of(1989, 2, 2));
        String hers = "H-CL3A-" + kid;
        String his = "H-CL3B-" + kid;
        inputs.household(hers, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Mari", null, List.of()), child(kid, "Karl", 1, 1, mother, father)));
        Stored.awaitConsumed(bootstrap, Topics.HOUSEHOLDS);
        assertThat(casesWithKey("HOUSEHOLD_CONFLICT:" + kid)).isZero();
        inputs.household(his, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(father, "Jaan", null, List.of()), child(kid, "Karl", 1, 1, mother, father)));

        Case conflict = awaitCase("HOUSEHOLD_CONFLICT:" + kid);
        assertThat(conflict.subjectPersonId).isEqualTo(kid);
        assertThat(conflict.summary).contains(hers).contains(his);
        // the same snapshot again opens nothing more
        inputs.household(his, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(father, "Jaan", null, List.of()), child(kid, "Karl", 1, 1, mother, father)));

        inputs.household(hers, 2, LocalDate.of(2026, 11, 1), "MOVE_OUT", Events.newCorrelationId(),
                List.of(member(mother, "Mari", null, List.of())));

        Case closed = awaitResolved(conflict.caseId);
        assertClosedByData(closed, "one household");
        assertThat(casesWithKey("HOUSEHOLD_CONFLICT:" + kid)).isEqualTo(1);
    }

    /**
     * Two parental benefits waiting past the timeout: the mother's for her income (INCOME_MISSING), the father's for his
     * consent (PENDING_TIMEOUT). Each case closes by itself when what it waited for arrives and the benefit is decided.
     */
    @Test
    void casesWaitingForAnIncomeOrForAnyDataCloseWhenTheDecisionNoLongerWaits() {
        String mother = person("F", LocalDate.of(1992, 4, 4));
        String father = person("M", LocalDate.of(1990, 3, 3));
        LocalDate born = LocalDate.of(2026, 7, 7);
        String kid = person("F", born);
        String household = "H-CL6-" + kid;
        consents.allow(mother, "consent-" + mother);
        inputs.consent(mother, "consent-" + mother, "TAX_INCOME");
        Families.couple(inputs, household, mother, father, kid, born);
        Entitlement hers = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(mother, born),
                e -> e.status.equals("PENDING"));
        Entitlement his = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(father, born),
                e -> e.status.equals("PENDING"));
        assertThat(hers.missingCodes()).containsExactly(Missing.TAX_INCOME);
        assertThat(his.missingCodes()).doesNotContain(Missing.TAX_INCOME, Missing.RESIDENT_PARENT, Missing.RECIPIENT);
        job.runOnce(clock.instant().plus(Duration.ofDays(31)));
        Case incomeMissing = awaitCase("INCOME_MISSING:" + hers.entitlementId);
        Case pending = awaitCase("PENDING_TIMEOUT:" + his.entitlementId);

        inputs.income(mother, 2025, 3_000_000);
        assertClosedByData(awaitResolved(incomeMissing.caseId), "income the decision needed arrived");
        consents.allow(father, "consent-" + father);
        inputs.consent(father, "consent-" + father, "TAX_INCOME");
        inputs.income(father, 2025, 4_000_000);
        assertClosedByData(awaitResolved(pending.caseId), "data the decision waited for arrived");
    }

    @Test
    void aMissingPayoutAccountCaseClosesWhenTheAccountArrives() {
        String mother = person("F", LocalDate.of(1993, 7, 7));
        LocalDate born = LocalDate.of(2026, 6, 9);
        String kid = person("F", born);
        String household = "H-CL4-" + kid;
        singleMother(mother, kid, household, born);
        Stored.awaitEntitlement(EntitlementKeys.childAllowance(kid, household), e -> e.status.equals("GRANTED"));
        job.runOnce(clock.instant().plus(Duration.ofDays(31)));
        Case noAccount = awaitCase("NO_PAYOUT_ACCOUNT:" + mother);

        inputs.payoutAccount(mother, true);

        Case closed = awaitResolved(noAccount.caseId);
        assertClosedByData(closed, "payout account");
    }

    @Test
    void rejectingAMoneyAlreadyPaidCaseCancelsItsClaimsWithAnEventOnce() {
        String mother = person("F", LocalDate.of(1988, 9, 9));
        LocalDate born = LocalDate.of(2026, 3, 16);
        String kid = person("M", born);
        String household = "H-CL5-" + kid;
        BirthRegisteredEvent birth = singleMother(mother, kid, household, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(kid, household),
                e -> e.status.equals("GRANTED"));
        PaymentSentEvent march = payments.sent(UUID.randomUUID(), allowance, mother, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 8000);
        payments.sent(UUID.randomUUID(), allowance, mother, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 8000);
        await().atMost(Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from paid_payment where entitlement_id = cast(?1 as uuid)",
                allowance.entitlementId.toString()) == 2);
        inputs.revokeBirth(birth);
        List<RecoveryClaimEvent> claims = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        Case moneyPaid = await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Case.<Case> find("caseType = 'MONEY_ALREADY_PAID' and entitlementId = ?1",
                        allowance.entitlementId).firstResult()),
                c -> c != null);

        caseService.reject(moneyPaid.caseId, "carl", "The family acted in good faith; recovery waived");

        List<RecoveryClaimCancelledEvent> cancelled = inputs.topics().await(Topics.ENTITLEMENTS,
                RecoveryClaimCancelledEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        assertThat(cancelled).extracting(RecoveryClaimCancelledEvent::getClaimId)
                .containsExactlyInAnyOrderElementsOf(claims.stream().map(RecoveryClaimEvent::getClaimId).toList());
        assertThat(cancelled).allSatisfy(e -> {
            assertThat(e.getCaseId()).isEqualTo(moneyPaid.caseId.toString());
            assertThat(e.getCancelledBy()).isEqualTo("carl");
            assertThat(e.getDebtorId()).isEqualTo(mother);
            assertThat(e.getCause()).isEqualTo("WAIVED");
            assertThat(e.getExplanation()).isEqualTo("The family acted in good faith; recovery waived");
        });
        assertThat(Stored.count("select count(*) from recovery_claim_cancellation where case_id = cast(?1 as uuid)",
                moneyPaid.caseId.toString())).isEqualTo(2);
        assertThat(Stored.count("select count(*) from case_action where case_id = cast(?1 as uuid) and action = "
                + "'CLAIM_CANCELLED'", moneyPaid.caseId.toString())).isEqualTo(2);

        // the paid month reported again: cancelled claims still count as claimed, so nothing is claimed anew
        payments.settled(march);
        Stored.awaitConsumed(bootstrap, Topics.PAYMENTS);
        assertThat(CaseTriggersTest.claimsOf(allowance)).isEqualTo(2);
        assertThat(inputs.topics().read(Topics.ENTITLEMENTS, RecoveryClaimCancelledEvent.class).stream()
                .filter(e -> e.getEntitlementId().equals(allowance.entitlementId.toString()))).hasSize(2);
    }

    BirthRegisteredEvent singleMother(String mother, String kid, String household, LocalDate born) {
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + kid, kid, "Ann", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Anu", null, List.of()), child(kid, "Ann", 1, 1, mother)));
        return birth;
    }

    static Case awaitResolved(UUID caseId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Case.<Case> findById(caseId)),
                        c -> c.resolved());
    }

    void assertClosedByData(Case closed, String reasonContains) {
        assertThat(closed.resolution).isEqualTo(CaseCloser.DATA_ARRIVED);
        assertThat(closed.resolvedBy).isEqualTo(CaseOpener.SYSTEM);
        List<CaseAction> actions = QuarkusTransaction.requiringNew().call(() -> CaseAction.ofCase(closed.caseId));
        assertThat(actions).extracting(a -> a.action).containsExactly(CaseAction.OPENED, CaseAction.CLOSED_BY_DATA);
        assertThat(actions.get(1).reason).contains(reasonContains);
        assertThat(inputs.topics().await(Topics.CASES, CaseResolvedEvent.class,
                e -> e.getCaseId().equals(closed.caseId.toString()), 1)).singleElement().satisfies(e -> {
                    assertThat(e.getResolution()).isEqualTo(CaseCloser.DATA_ARRIVED);
                    assertThat(e.getReason()).contains(reasonContains);
                });
        assertThat(Stored.outboxRows(Topics.CASES, closed.caseId.toString())).isEqualTo(2);
    }
}
