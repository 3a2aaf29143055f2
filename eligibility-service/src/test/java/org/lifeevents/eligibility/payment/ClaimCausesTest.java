package org.lifeevents.eligibility.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
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
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.MinorChildRecord;
import org.lifeevents.events.registry.RegistrationRevokedEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * Recovery claims on the real topics: the cause they name and the amount they claim come from the facts, the same in
 * whichever order the registry's events and the payment reports arrive; a month is claimed at its gross; months owed
 * again cancel their claims; a payment report never takes back a later one within a poll.
 */
@QuarkusTest
class ClaimCausesTest {

    static final String REGISTRY = "eligibility.registry";
    static final String PAYMENTS = "eligibility.payments";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @Inject
    PaymentIntake intake;

    Inputs inputs;
    Payments payments;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(bootstrap, clock);
        payments = new Payments(inputs.topics(), clock);
    }

    /** A claim as the debtor sees it. */
    record Claimed(LocalDate month, long cents, String reason) {
    }

    /** One event of a permutation: published, with the consumer that must have handled it before the next. */
    record Step(String name, String consumer, Supplier<SpecificRecord> publish) {
    }

    /** A single mother, her child born on 3 February 2026, the allowance granted. */
    record Family(String mother, String child, String household, BirthRegisteredEvent birth, Entitlement allowance) {
    }

    Family family(String tag) {
        String mother = person("F", LocalDate.of(1988, 5, 5));
        LocalDate born = LocalDate.of(2026, 2, 3);
        String child = person("M", born);
        String household = "H-" + tag + "-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Ann", born, mother, null, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Anu", null, List.of()), child(child, "Ann", 1, 1, mother)));
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));
        return new Family(mother, child, household, birth, allowance);
    }

    /** March to June paid to the mother in one file, settled, planned from the allowance as first granted. */
    PaymentsSettledEvent paidMarchToJune(Family f) {
        List<PaymentLine> lines = new ArrayList<>();
        for (int month = 3; month <= 6; month++) {
            LocalDate first = LocalDate.of(2026, month, 1);
            lines.add(Payments.line(f.allowance(), f.mother(), first, first.plusMonths(1).minusDays(1), 8000));
        }
        return payments.settledTogether("MSG-" + f.child(), lines);
    }

    DeathRegisteredEvent death(String personId, LocalDate date, String household, List<String> minors) {
        DeathRegisteredEvent event = DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(Events.newCorrelationId())
                .setRegisteredAt(clock.instant())
                .setDeath(DeathRecord.newBuilder()
                        .setRegistrationId("D-" + personId)
                        .setPersonId(personId)
                        .setBirthDate(new org.lifeevents.common.identity.PersonId(personId).birthDate())
                        .setDateOfDeath(date)
                        .setPlaceOfDeath("Tartu")
                        .setHouseholdId(household)
                        .setHouseholdMembers(List.of())
                        .setMinorChildren(minors.stream().map(c -> MinorChildRecord.newBuilder().setChildId(c)
                                .setBirthDate(new org.lifeevents.common.identity.PersonId(c).birthDate())
                                .setHouseholdId(household).build()).toList())
                        .build())
                .build();
        inputs.topics().publish(Topics.REGISTRATIONS, personId, event);
        return event;
    }

    RegistrationRevokedEvent revokeDeath(DeathRegisteredEvent death) {
        RegistrationRevokedEvent event = RegistrationRevokedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(death.getCorrelationId())
                .setRegistrationId(death.getDeath().getRegistrationId())
                .setRegistrationKind("DEATH")
                .setSubjectPersonId(death.getDeath().getPersonId())
                .setReason("registered in error")
                .setRevokedBy("registry official")
                .setRevokedAt(clock.instant())
                .build();
        inputs.topics().publish(Topics.REGISTRATIONS, death.getDeath().getPersonId(), event);
        return event;
    }

    /** Runs the steps in the order given, each handled before the next is published; returns the claims, by month. */
    List<Claimed> run(Family f, List<Step> steps, int claimsExpected) {
        for (Step step : steps) {
            SpecificRecord event = step.publish().get();
            Stored.awaitHandled(step.consumer(), Events.eventId(event));
        }
        return inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(f.allowance().entitlementId.toString()), claimsExpected).stream()
                .map(c -> new Claimed(c.getPeriodStart(), c.getAmountCents(), c.getReason()))
                .sorted(Comparator.comparing(Claimed::month)).toList();
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(head);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }

    @Test
    void aRevocationAndTheRecipientsDeathClaimTheSameWithTheSameCauseInEveryOrderOfTheEventsAndPayments() {
        List<Claimed> expected = List.of(new Claimed(LocalDate.of(2026, 3, 1), 8000, "REVOKED"),
                new Claimed(LocalDate.of(2026, 4, 1), 8000, "REVOKED"),
                new Claimed(LocalDate.of(2026, 5, 1), 8000, "REVOKED"),
                new Claimed(LocalDate.of(2026, 6, 1), 8000, "REVOKED"));
        for (List<String> order : permutations(List.of("payments", "death", "revocation"))) {
            Family f = family("RV");
            List<Step> steps = order.stream().map(name -> switch (name) {
                case "payments" -> new Step(name, PAYMENTS, () -> paidMarchToJune(f));
                // in June: the months paid are all still hers
                case "death" -> new Step(name, REGISTRY, () -> death(f.mother(), LocalDate.of(2026, 6, 20),
                        f.household(), List.of(f.child())));
                default -> new Step(name, REGISTRY, () -> inputs.revokeBirth(f.birth()));
            }).toList();
            assertThat(run(f, steps, 4)).as("claims after %s", order).isEqualTo(expected);
        }
    }

    @Test
    void aChildsDeathIsNamedAsTheCauseNotTheRecipientsWhicheverOfTheTwoDeathsAndThePaymentsComesFirst() {
        List<Claimed> expected = List.of(new Claimed(LocalDate.of(2026, 5, 1), 8000, "CHILD_DIED"),
                new Claimed(LocalDate.of(2026, 6, 1), 8000, "CHILD_DIED"));
        for (List<String> order : permutations(List.of("payments", "child", "mother"))) {
            Family f = family("CD");
            List<Step> steps = order.stream().map(name -> switch (name) {
                case "payments" -> new Step(name, PAYMENTS, () -> paidMarchToJune(f));
                // the allowance ends with April, the month of the child's death
                case "child" -> new Step(name, REGISTRY, () -> death(f.child(), LocalDate.of(2026, 4, 10),
                        f.household(), List.of()));
                default -> new Step(name, REGISTRY, () -> death(f.mother(), LocalDate.of(2026, 6, 20),
                        f.household(), List.of()));
            }).toList();
            List<Claimed> claims = run(f, steps, 2);
            assertThat(claims).as("claims after %s", order).isEqualTo(expected);
            Stored.awaitConsumed(bootstrap, Topics.PAYMENTS);
            assertThat(Stored.count("select count(*) from recovery_claim where entitlement_id = cast(?1 as uuid)",
                    f.allowance().entitlementId.toString())).as("nothing more after %s", order).isEqualTo(2);
        }
    }

    @Test
    void aMonthPartlyPaidByOffsettingAnOlderClaimIsClaimedBackAtItsGross() {
        Family f = family("GR");
        // March: 80.00 EUR credited, of which 30.00 went to the bank and 50.00 paid off an older claim
        PaymentLine march = Payments.line(f.allowance(), f.mother(), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 3000);
        march.setGrossCents(8000L);
        PaymentsSettledEvent settled = payments.settledTogether("MSG-GR-" + f.child(), List.of(march));
        Stored.awaitHandled(PAYMENTS, settled.getEventId());

        inputs.revokeBirth(f.birth());

        RecoveryClaimEvent claim = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(f.allowance().entitlementId.toString()), 1).get(0);
        assertThat(claim.getAmountCents()).isEqualTo(8000);
        assertThat(claim.getReason()).isEqualTo("REVOKED");
        assertThat(claim.getExplanation()).contains("80.00 EUR was paid to " + f.mother());
    }

    @Test
    void aRevokedDeathMakesTheClaimedMonthsOwedAgainAndCancelsTheirClaims() {
        String mother = person("F", LocalDate.of(1986, 7, 7));
        String father = person("M", LocalDate.of(1985, 8, 8));
        LocalDate born = LocalDate.of(2026, 2, 3);
        String child = person("F", born);
        String household = "H-RI-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", father, List.of()), member(father, "Jaan", mother, List.of())));
        BirthRegisteredEvent birth = inputs.birth("B-" + child, child, "Ann", born, mother, father, 1, 1, household,
                Events.newCorrelationId());
        inputs.household(household, 2, born, "BIRTH", birth.getCorrelationId(),
                List.of(member(mother, "Anu", father, List.of()), member(father, "Jaan", mother, List.of()),
                        child(child, "Ann", 1, 1, mother, father)));
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household),
                e -> e.status.equals("GRANTED"));
        Family f = new Family(mother, child, household, birth, allowance);
        Stored.awaitHandled(PAYMENTS, paidMarchToJune(f).getEventId());

        DeathRegisteredEvent death = inputs.death("D-" + mother, mother, LocalDate.of(2026, 4, 15), household, father,
                child, father);
        List<RecoveryClaimEvent> claims = inputs.topics().await(Topics.ENTITLEMENTS, RecoveryClaimEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        assertThat(claims).extracting(RecoveryClaimEvent::getPeriodStart)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
        assertThat(claims).allSatisfy(c -> assertThat(c.getReason()).isEqualTo("RECIPIENT_DIED"));
        // the months after her death moved to the father: the change says what changed and the fact that caused it
        Entitlement moved = Stored.awaitEntitlement(allowance.entitlementKey, e -> e.version > allowance.version);
        assertThat(Stored.decision(moved.decisionId).changeReason).isEqualTo("RECIPIENT_CHANGED");
        assertThat(moved.citizenText).endsWith("This changed because the death of " + mother + " on 2026-04-15 was "
                + "registered.");
        assertThat(Stored.decision(moved.decisionId).citizenText).isEqualTo(moved.citizenText);

        revokeDeath(death);

        List<RecoveryClaimCancelledEvent> cancelled = inputs.topics().await(Topics.ENTITLEMENTS,
                RecoveryClaimCancelledEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 2);
        assertThat(cancelled).extracting(RecoveryClaimCancelledEvent::getClaimId)
                .containsExactlyInAnyOrderElementsOf(claims.stream().map(RecoveryClaimEvent::getClaimId).toList());
        assertThat(cancelled).allSatisfy(c -> {
            assertThat(c.getAmountCents()).isEqualTo(8000);
            assertThat(c.getCause()).isEqualTo("REINSTATED");
            assertThat(c.getDebtorId()).isEqualTo(mother);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from recovery_claim_cancellation x join recovery_claim c on c.claim_id = x.claim_id "
                        + "where c.entitlement_id = cast(?1 as uuid)",
                allowance.entitlementId.toString()) == 2);

        // The payment service pays back what offsets had recovered for May: a refund, not a payment of May, so it is
        // not recorded as paid (counted, it would claim back the money it returns).
        PaymentLine refund = Payments.line(allowance, mother, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 8000);
        refund.setRefundOfClaimId(claims.get(0).getClaimId());
        PaymentLine june = Payments.line(allowance, mother, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), 0);
        Stored.awaitHandled(PAYMENTS, payments.settledTogether("MSG-RF-" + child, List.of(refund, june)).getEventId());
        assertThat(Stored.count("select count(*) from paid_payment where payment_id = cast(?1 as uuid)",
                refund.getPaymentId())).isZero();
        assertThat(Stored.count("select count(*) from paid_payment where payment_id = cast(?1 as uuid)",
                june.getPaymentId())).isEqualTo(1);
    }

    /**
     * A payment reported sent, then settled in a file, then sent again (a redelivery), in one poll: it stays settled.
     * Before, the first report left the payment in the session and the file's statement changed its row beside it, so
     * the redelivery was checked against the stale copy and wrote SENT back over SETTLED.
     */
    @Test
    void aLaterReportInTheSamePollIsNeverTakenBackByAStaleCopyOfThePayment() {
        String recipient = person("F", LocalDate.of(1990, 1, 1));
        UUID entitlementId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 3, 1);
        PaymentSentEvent sent = PaymentSentEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId("E2E-" + paymentId.toString().substring(0, 8))
                .setPaymentId(paymentId.toString())
                .setEntitlementId(entitlementId.toString())
                .setBenefit("CHILD_ALLOWANCE")
                .setRecipientId(recipient)
                .setPeriodStart(start)
                .setPeriodEnd(start.plusMonths(1).minusDays(1))
                .setAmountCents(8000)
                .setRunId(UUID.randomUUID().toString())
                .setMessageId("MSG-LU")
                .setEndToEndId("E2E-" + paymentId.toString().substring(0, 8))
                .setSentAt(clock.instant())
                .build();
        PaymentLine line = PaymentLine.newBuilder()
                .setPaymentId(paymentId.toString())
                .setEntitlementId(entitlementId.toString())
                .setEntitlementVersion(1)
                .setBenefit("CHILD_ALLOWANCE")
                .setRecipientId(recipient)
                .setPeriodStart(start)
                .setPeriodEnd(start.plusMonths(1).minusDays(1))
                .setAmountCents(8000)
                .setEndToEndId(sent.getEndToEndId())
                .build();
        PaymentsSettledEvent settled = PaymentsSettledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId("MSG-LU")
                .setMessageId("MSG-LU")
                .setPart(1)
                .setParts(1)
                .setSettledAt(clock.instant())
                .setPayments(List.of(line))
                .build();

        QuarkusTransaction.requiringNew().run(() -> intake.handleAll(List.of(sent, settled, sent)));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Entitlement.getEntityManager()
                .createNativeQuery("select status from paid_payment where payment_id = ?1").setParameter(1, paymentId)
                .getSingleResult())).isEqualTo("SETTLED");
    }
}
