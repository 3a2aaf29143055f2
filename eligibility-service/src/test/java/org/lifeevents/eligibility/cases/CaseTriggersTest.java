package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Payments;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdMemberRef;
import org.lifeevents.events.registry.MinorChildRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * What opens a case, on the real topics: a payment the bank refused (and a death check for MD07), money paid under a
 * revoked registration (with exactly one recovery claim), and decisions or payouts waiting past their time; each
 * trigger repeated or redelivered opens nothing more.
 */
@QuarkusTest
class CaseTriggersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @Inject
    CaseJob job;

    Inputs inputs;
    Payments payments;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(bootstrap, clock);
        payments = new Payments(inputs.topics(), clock);
    }

    /** A single mother and her child born on the day; returns the birth. */
    BirthRegisteredEvent singleMother(String mother, String child, String household, LocalDate born) {
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Ann", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Anu", null, List.of()), child(child, "Ann", 1, 1, mother)));
        return birth;
    }

    @Test
    void aPaymentTheBankRefusedOpensOneCaseAndMd07ADeathCheckEvenWhenRedelivered() {
        String mother = person("F", LocalDate.of(1990, 2, 2));
        LocalDate born = LocalDate.of(2026, 7, 6);
        String child = person("M", born);
        String household = "H-CT1-" + child;
        singleMother(mother, child, household, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));

        PaymentSentEvent sent = payments.sent(UUID.randomUUID(), allowance, mother, LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31), 8000);
        var failed = payments.failed(sent, "MD07");
        payments.publish(failed);
        payments.failed(sent, "MD07");
        Stored.awaitConsumed(bootstrap, Topics.PAYMENTS);

        Case rejected = awaitCase("PAYMENT_REJECTED:" + sent.getPaymentId());
        assertThat(rejected.entitlementId).isEqualTo(allowance.entitlementId);
        assertThat(rejected.subjectPersonId).isEqualTo(mother);
        assertThat(rejected.summary).contains("MD07").contains("80.00 EUR");
        Case deathCheck = awaitCase("DEATH_CHECK:" + mother);
        assertThat(casesWithKey("PAYMENT_REJECTED:" + sent.getPaymentId())).isEqualTo(1);
        assertThat(casesWithKey("DEATH_CHECK:" + mother)).isEqualTo(1);
        for (Case c : List.of(rejected, deathCheck)) {
            assertThat(inputs.topics().await(Topics.CASES, CaseOpenedEvent.class,
                    e -> e.getCaseId().equals(c.caseId.toString()), 1)).singleElement()
                    .satisfies(e -> assertThat(e.getCaseType()).isEqualTo(c.caseType));
            assertThat(Stored.outboxRows(Topics.CASES, c.caseId.toString())).isEqualTo(1);
        }
        assertThat(Stored.count("select count(*) from paid_payment where payment_id = cast(?1 as uuid) and status = "
                + "'FAILED'", sent.getPaymentId())).isEqualTo(1);
    }

    @Test
    void aRevokedBirthAfterPaymentClaimsThePaidMonthsBackExactlyOnceAndOpensACase() {
        String mother = person("F", LocalDate.of(1989, 4, 4));
        LocalDate born = LocalDate.of(2026, 3, 9);
        String child = person("F", born);
        String household = "H-CT2-" + child;
        BirthRegisteredEvent birth = singleMother(mother, child, household, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));
        PaymentSentEvent march = payments.sent(UUID.randomUUID(), allowance, mother, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 8000);
        PaymentSentEvent april = payments.sent(UUID.randomUUID(), allowance, mother, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), 8000);
        var settled = payments.settled(april);
        await().atMost(Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from paid_payment where entitlement_id = cast(?1 as uuid)",
                allowance.entitlementId.toString()) == 2);
        assertThat(claimsOf(allowance)).isZero();

        inputs.revokeBirth(birth);

        Entitlement stopped = Stored.awaitEntitlement(allowance.entitlementKey, e -> e.status.equals("STOPPED"));
        List<RecoveryClaimEvent> claims = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        assertThat(claims).extracting(RecoveryClaimEvent::getPeriodStart)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.getDebtorId()).isEqualTo(mother);
            assertThat(c.getAmountCents()).isEqualTo(8000);
            assertThat(c.getReason()).isEqualTo("REVOKED");
            assertThat(c.getDecisionId()).isEqualTo(stopped.decisionId.toString());
            assertThat(c.getCorrelationId()).isEqualTo(allowance.correlationId);
            assertThat(c.getExplanation()).contains("80.00 EUR was paid to " + mother).contains("revoked");
        });

        // the same reports again, and one more report of a paid month: nothing is claimed twice
        payments.publish(settled);
        payments.settled(march);
        payments.settled(april);
        Stored.awaitConsumed(bootstrap, Topics.PAYMENTS);
        assertThat(claimsOf(allowance)).isEqualTo(2);
        assertThat(inputs.topics().read(Topics.ENTITLEMENTS, RecoveryClaimEvent.class).stream()
                .filter(e -> e.getEntitlementId().equals(allowance.entitlementId.toString()))).hasSize(2);

        Case moneyPaid = QuarkusTransaction.requiringNew().call(() -> Case.<Case> find(
                "caseType = 'MONEY_ALREADY_PAID' and entitlementId = ?1", allowance.entitlementId).singleResult());
        assertThat(moneyPaid.subjectPersonId).isEqualTo(mother);
        assertThat(moneyPaid.decisionId).isEqualTo(stopped.decisionId);
        assertThat(moneyPaid.summary).contains("RegistrationRevokedEvent");
    }

    @Test
    void aFilesPaymentsAreRecordedTogetherAndOnlyThoseOvertakenByAChangeAreClaimedBack() {
        String mother = person("F", LocalDate.of(1991, 3, 3));
        LocalDate born = LocalDate.of(2026, 3, 12);
        String child = person("M", born);
        String household = "H-CT5-" + child;
        BirthRegisteredEvent birth = singleMother(mother, child, household, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));
        PaymentLine march = Payments.line(allowance, mother, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 8000);
        PaymentLine april = Payments.line(allowance, mother, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), 8000);
        String file = "MSG-" + child;
        payments.sentTogether(file, List.of(march, april));
        payments.settledTogether(file, List.of(march));
        await().atMost(Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from paid_payment where entitlement_id = cast(?1 as uuid) and status = 'SETTLED'",
                allowance.entitlementId.toString()) == 1);
        assertThat(Stored.count("select count(*) from paid_payment where entitlement_id = cast(?1 as uuid)",
                allowance.entitlementId.toString())).isEqualTo(2);
        assertThat(claimsOf(allowance)).as("paid as the entitlement still says").isZero();

        inputs.revokeBirth(birth);
        Stored.awaitEntitlement(allowance.entitlementKey, e -> e.status.equals("STOPPED"));
        inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);

        // May was planned before the revocation and reported after it: overtaken, so claimed back; the March and
        // April reports again (a sent after a settled takes nothing back) claim nothing twice
        PaymentLine may = Payments.line(allowance, mother, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 8000);
        payments.settledTogether("MSG2-" + child, List.of(may));
        payments.sentTogether(file, List.of(march, april));
        payments.settledTogether(file, List.of(march, april));
        List<RecoveryClaimEvent> claims = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 3);
        Stored.awaitConsumed(bootstrap, Topics.PAYMENTS);
        assertThat(claimsOf(allowance)).isEqualTo(3);
        assertThat(claims).extracting(RecoveryClaimEvent::getPeriodStart).containsExactlyInAnyOrder(
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        assertThat(Stored.count("select count(*) from paid_payment where entitlement_id = cast(?1 as uuid) and status = "
                + "'SETTLED'", allowance.entitlementId.toString())).isEqualTo(3);
    }

    @Test
    void aDecisionPendingPastItsWaitAndGrantsWithoutAPayoutAccountBecomeCasesOnce() {
        String mother = person("F", LocalDate.of(1992, 5, 5));
        LocalDate born = LocalDate.of(2026, 6, 2);
        String child = person("M", born);
        String household = "H-CT3-" + child;
        singleMother(mother, child, household, born);
        Entitlement parental = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(mother, born),
                e -> e.status.equals("PENDING"));
        Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household), e -> e.status.equals("GRANTED"));

        assertThat(job.runOnce(clock.instant())).as("nothing waits too long yet").isGreaterThanOrEqualTo(0);
        assertThat(casesWithKey("PENDING_TIMEOUT:" + parental.entitlementId)).isZero();
        assertThat(casesWithKey("NO_PAYOUT_ACCOUNT:" + mother)).isZero();

        Instant later = clock.instant().plus(Duration.ofDays(31));
        job.runOnce(later);
        job.runOnce(later.plusSeconds(3600));

        Case timeout = awaitCase("PENDING_TIMEOUT:" + parental.entitlementId);
        assertThat(timeout.caseType).isEqualTo("PENDING_TIMEOUT");
        assertThat(timeout.summary).contains("consent");
        assertThat(casesWithKey("PENDING_TIMEOUT:" + parental.entitlementId)).isEqualTo(1);
        Case noAccount = awaitCase("NO_PAYOUT_ACCOUNT:" + mother);
        assertThat(noAccount.subjectPersonId).isEqualTo(mother);
        assertThat(casesWithKey("NO_PAYOUT_ACCOUNT:" + mother)).isEqualTo(1);
        assertThat(inputs.topics().await(Topics.CASES, CaseOpenedEvent.class,
                e -> e.getCaseId().equals(timeout.caseId.toString()), 1)).singleElement()
                .satisfies(e -> assertThat(e.getEntitlementId()).isEqualTo(parental.entitlementId.toString()));
    }

    @Test
    void aSingleMothersDeathRegisteredLateClaimsTheMonthsAfterItAndLeavesHerChildToACaseworker() {
        String mother = person("F", LocalDate.of(1987, 8, 8));
        LocalDate born = LocalDate.of(2026, 2, 3);
        String child = person("M", born);
        String household = "H-CT4-" + child;
        singleMother(mother, child, household, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));
        for (int month = 4; month <= 6; month++) {
            LocalDate first = LocalDate.of(2026, month, 1);
            payments.sent(UUID.randomUUID(), allowance, mother, first, first.plusMonths(1).minusDays(1), 8000);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from paid_payment where entitlement_id = cast(?1 as uuid)",
                allowance.entitlementId.toString()) == 3);

        inputs.topics().publish(Topics.REGISTRATIONS, mother, DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(Events.newCorrelationId())
                .setRegisteredAt(clock.instant())
                .setDeath(DeathRecord.newBuilder()
                        .setRegistrationId("D-" + mother)
                        .setPersonId(mother)
                        .setBirthDate(LocalDate.of(1987, 8, 8))
                        .setDateOfDeath(LocalDate.of(2026, 4, 15))
                        .setPlaceOfDeath("Tartu")
                        .setHouseholdId(household)
                        .setHouseholdMembers(List.of(HouseholdMemberRef.newBuilder().setPersonId(child)
                                .setBirthDate(born).setRelationToDeceased("CHILD").build()))
                        .setMinorChildren(List.of(MinorChildRecord.newBuilder().setChildId(child).setBirthDate(born)
                                .setHouseholdId(household).build()))
                        .build())
                .build());

        List<RecoveryClaimEvent> claims = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        assertThat(claims).extracting(RecoveryClaimEvent::getPeriodStart)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.getDebtorId()).isEqualTo(mother);
            assertThat(c.getReason()).isEqualTo("RECIPIENT_DIED");
            assertThat(c.getAmountCents()).isEqualTo(8000);
        });
        Stored.awaitConsumed(bootstrap, Topics.REGISTRATIONS);
        assertThat(claimsOf(allowance)).as("April, the month of death, is still hers").isEqualTo(2);
        Case orphan = awaitCase("MINORS_WITHOUT_PARENT:" + allowance.entitlementId);
        assertThat(orphan.subjectPersonId).isEqualTo(child);
        assertThat(orphan.householdId).isEqualTo(household);
        Entitlement funeral = Stored.awaitEntitlement(EntitlementKeys.funeralGrant(mother));
        Case funeralCase = awaitCase("UNDECIDABLE:" + funeral.entitlementId);
        assertThat(funeralCase.summary).contains("funeral");
        Case moneyPaid = QuarkusTransaction.requiringNew().call(() -> Case.<Case> find(
                "caseType = 'MONEY_ALREADY_PAID' and entitlementId = ?1", allowance.entitlementId).singleResult());
        assertThat(moneyPaid.subjectPersonId).isEqualTo(mother);
    }

    static Case awaitCase(String key) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Case.<Case> find("caseKey", key).firstResult()), c -> c != null);
    }

    static long casesWithKey(String key) {
        return Stored.count("select count(*) from caseworker_case where case_key = ?1", key);
    }

    static long claimsOf(Entitlement e) {
        return Stored.count("select count(*) from recovery_claim where entitlement_id = cast(?1 as uuid)",
                e.entitlementId.toString());
    }
}
