package org.lifeevents.payment.recovery;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.bank.Pain001Writer;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;
import org.lifeevents.payment.schedule.Payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.changed;
import static org.lifeevents.payment.Fixtures.claim;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.monthEnd;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

@QuarkusTest
class RecoveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    PayoutAccountService accounts;

    @Test
    void aClaimIsOffsetAgainstTheDebtorsNextPaymentsAndShownOnThem() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String old = UUID.randomUUID().toString();
        RecoveryClaimEvent claim = claim(old, parent, 12000, monthStart(5), monthEnd(5));
        topics.publish(Topics.ENTITLEMENTS, old, claim);
        topics.publish(Topics.ENTITLEMENTS, old, claim);
        awaitClaim(claim.getClaimId());
        String id = UUID.randomUUID().toString();
        // Two months whose payment day has passed whatever the business date, so the run takes both.
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true,
                Events.newCorrelationId(), List.of(period(monthStart(3), monthEnd(2), 8000, parent))));
        awaitVersion(id, 1);

        Fixtures.run(runs, executor);

        List<Payment> paid = payments(id);
        assertThat(paid.get(0).status).isEqualTo(Payment.OFFSET);
        assertThat(paid.get(0).offsetCents).isEqualTo(8000);
        assertThat(paid.get(0).amountCents).isZero();
        assertThat(paid.get(1).status).isEqualTo(Payment.SETTLED);
        assertThat(paid.get(1).offsetCents).isEqualTo(4000);
        assertThat(paid.get(1).amountCents).isEqualTo(4000);
        assertThat(Pain001Writer.remittance(paid.get(1)))
                .isEqualTo("Child allowance " + monthStart(2).toString().substring(0, 7)
                        + ", 80.00 EUR less 40.00 EUR offset against a recovery claim");
        RecoveryClaim settled = QuarkusTransaction.requiringNew()
                .call(() -> RecoveryClaim.findById(UUID.fromString(claim.getClaimId())));
        assertThat(settled.status).isEqualTo(RecoveryClaim.SETTLED);
        assertThat(settled.remainingCents).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> PaymentOffset.count("claimId",
                UUID.fromString(claim.getClaimId())))).isEqualTo(2);
    }

    @Test
    void whatCannotBeOffsetStaysOpenForCaseworkers() {
        TopicReader topics = new TopicReader(bootstrap);
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        RecoveryClaimEvent claim = claim(id, parent, 50000, monthStart(4), monthEnd(4));
        topics.publish(Topics.ENTITLEMENTS, id, claim);
        awaitClaim(claim.getClaimId());
        String grant = UUID.randomUUID().toString();
        topics.publish(Topics.ENTITLEMENTS, grant, decided(grant, 1, "FUNERAL_GRANT", "GRANTED", false,
                Events.newCorrelationId(), List.of(period(monthStart(1), monthStart(1), 25000, parent))));
        awaitVersion(grant, 1);

        Fixtures.run(runs, executor);

        assertThat(payments(grant)).singleElement().satisfies(p -> assertThat(p.status).isEqualTo(Payment.OFFSET));
        for (String user : List.of("carl", "aino")) {
            given().auth().oauth2(tokens.person(user)).queryParam("status", "OPEN").get("/claims").then().statusCode(200)
                    .body("find { it.claimId == '" + claim.getClaimId() + "' }.remainingCents", equalTo(25000))
                    .body("find { it.claimId == '" + claim.getClaimId() + "' }.offsetCents", equalTo(25000));
            given().auth().oauth2(tokens.person(user)).queryParam("status", "SETTLED").get("/claims").then()
                    .statusCode(200).body("claimId", not(hasItem(claim.getClaimId())));
        }
        for (String user : List.of("kati", "otto")) {
            given().auth().oauth2(tokens.person(user)).get("/claims").then().statusCode(403);
        }
        given().get("/claims").then().statusCode(401);
        given().auth().oauth2(tokens.person("carl")).queryParam("status", "MAYBE").get("/claims").then().statusCode(400);
    }

    @Test
    void aCancelledClaimOffsetsNothingMoreAndWhatItOffsetStays() {
        TopicReader topics = new TopicReader(bootstrap);
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        RecoveryClaimEvent claim = claim(id, parent, 50000, monthStart(4), monthEnd(4));
        topics.publish(Topics.ENTITLEMENTS, id, claim);
        awaitClaim(claim.getClaimId());
        String first = UUID.randomUUID().toString();
        topics.publish(Topics.ENTITLEMENTS, first, decided(first, 1, "FUNERAL_GRANT", "GRANTED", false,
                Events.newCorrelationId(), List.of(period(monthStart(1), monthStart(1), 20000, parent))));
        awaitVersion(first, 1);
        Fixtures.run(runs, executor);
        assertThat(payments(first)).singleElement().satisfies(p -> assertThat(p.status).isEqualTo(Payment.OFFSET));

        RecoveryClaimCancelledEvent cancelled = cancellation(claim, "WAIVED", claim.getAmountCents())
                .setCaseId(UUID.randomUUID().toString()).setCancelledBy("carl")
                .setExplanation("The estate has no means; recovery waived").build();
        // delivered twice, and a second cancellation of the same claim (a new event id) changes nothing either
        topics.publish(Topics.ENTITLEMENTS, id, cancelled);
        topics.publish(Topics.ENTITLEMENTS, id, cancelled);
        topics.publish(Topics.ENTITLEMENTS, id, RecoveryClaimCancelledEvent.newBuilder(cancelled)
                .setEventId(Events.newEventId()).setCancelledBy("aino").build());
        await().until(() -> QuarkusTransaction.requiringNew().call(() -> RecoveryClaim.<RecoveryClaim> findById(
                UUID.fromString(claim.getClaimId())).status.equals(RecoveryClaim.CANCELLED)));
        String second = UUID.randomUUID().toString();
        topics.publish(Topics.ENTITLEMENTS, second, decided(second, 1, "FUNERAL_GRANT", "GRANTED", false,
                Events.newCorrelationId(), List.of(period(monthStart(1), monthStart(1), 25000, parent))));
        awaitVersion(second, 1);
        Fixtures.run(runs, executor);

        assertThat(payments(second)).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(Payment.SETTLED);
            assertThat(p.offsetCents).isZero();
            assertThat(p.amountCents).isEqualTo(25000);
        });
        assertThat(payments(first)).singleElement().satisfies(p -> assertThat(p.offsetCents).isEqualTo(20000));
        RecoveryClaim waived = QuarkusTransaction.requiringNew()
                .call(() -> RecoveryClaim.findById(UUID.fromString(claim.getClaimId())));
        assertThat(waived.status).isEqualTo(RecoveryClaim.CANCELLED);
        assertThat(waived.remainingCents).isEqualTo(30000);
        assertThat(waived.cancelledBy).isEqualTo("carl");
        given().auth().oauth2(tokens.person("carl")).queryParam("status", "CANCELLED").get("/claims").then()
                .statusCode(200)
                .body("find { it.claimId == '" + claim.getClaimId() + "' }.offsetCents", equalTo(20000))
                .body("find { it.claimId == '" + claim.getClaimId() + "' }.cancellationReason",
                        equalTo("The estate has no means; recovery waived"));
    }

    /**
     * A month claimed back and recovered in full by offsets is owed to the debtor again (the revocation behind the claim
     * was itself undone), first in part, then whole: each release pays back what offsets had taken beyond what is still
     * claimed, in the next run, once however often the release is delivered; the schedule never counts the refund as a
     * payment of the month, and eligibility is told it is a refund.
     */
    @Test
    void aReleasedClaimPaysBackWhatOffsetsRecoveredBeyondWhatIsStillClaimed() {
        TopicReader topics = new TopicReader(bootstrap);
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        List<EntitlementPeriod> periods = List.of(period(monthStart(3), monthEnd(2), 8000, parent));
        RecoveryClaimEvent claim = claim(id, parent, 12000, monthStart(5), monthEnd(5));
        topics.publish(Topics.ENTITLEMENTS, id, claim);
        awaitClaim(claim.getClaimId());
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation, periods));
        awaitVersion(id, 1);
        Fixtures.run(runs, executor);
        UUID claimId = UUID.fromString(claim.getClaimId());
        assertThat(stored(claimId).status).isEqualTo(RecoveryClaim.SETTLED);

        RecoveryClaimCancelledEvent part = released(claim, 5000);
        topics.publish(Topics.ENTITLEMENTS, id, part);
        topics.publish(Topics.ENTITLEMENTS, id, part);
        await().until(() -> refunds(id).size() == 1);
        assertThat(stored(claimId)).satisfies(c -> {
            assertThat(c.status).isEqualTo(RecoveryClaim.SETTLED);
            assertThat(c.releasedCents).isEqualTo(5000);
            assertThat(c.remainingCents).isZero();
        });
        RecoveryClaimCancelledEvent rest = released(claim, 7000);
        topics.publish(Topics.ENTITLEMENTS, id, rest);
        topics.publish(Topics.ENTITLEMENTS, id, released(claim, 7000));
        await().until(() -> stored(claimId).status.equals(RecoveryClaim.CANCELLED));
        // a new version of the entitlement re-plans its months and leaves the refunds alone
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation, periods,
                "CORRECTION"));
        awaitVersion(id, 2);
        assertThat(refunds(id)).extracting(p -> p.grossCents).containsExactlyInAnyOrder(5000L, 7000L);
        assertThat(refunds(id)).allSatisfy(p -> {
            assertThat(p.status).isEqualTo(Payment.SCHEDULED);
            assertThat(p.recipientId).isEqualTo(parent);
            assertThat(p.periodStart).isEqualTo(monthStart(5));
            assertThat(p.refundOfClaim).isEqualTo(claimId);
        });
        assertThat(payments(id)).filteredOn(p -> !p.isRefund() && !Payment.CANCELLED.equals(p.status)).hasSize(2);

        Fixtures.run(runs, executor);

        assertThat(refunds(id)).allSatisfy(p -> {
            assertThat(p.status).isEqualTo(Payment.SETTLED);
            assertThat(p.offsetCents).isZero();
        });
        List<PaymentLine> settled = Fixtures.awaitLines(topics, PaymentsSettledEvent.class,
                line -> claim.getClaimId().equals(line.getRefundOfClaimId()), 2);
        assertThat(settled).extracting(PaymentLine::getAmountCents).containsExactlyInAnyOrder(5000L, 7000L);
        // the ledger claims nothing from her any more, and shows the refunds beside the month they returned
        given().auth().oauth2(tokens.person("carl")).get("/ledger/persons/" + parent).then().statusCode(200)
                .body("people.find { it.personId == '" + parent + "' }.claimedCents", equalTo(0))
                .body("people.find { it.personId == '" + parent + "' }.recoveredCents", equalTo(0));
    }

    private static RecoveryClaimCancelledEvent released(RecoveryClaimEvent claim, long cents) {
        return cancellation(claim, "REINSTATED", cents)
                .setExplanation("The revocation was withdrawn: the month is owed again").build();
    }

    /** The claim's cancellation as eligibility sends it, a new event each time. */
    private static RecoveryClaimCancelledEvent.Builder cancellation(RecoveryClaimEvent claim, String cause, long cents) {
        return RecoveryClaimCancelledEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Fixtures.now()).setCorrelationId(claim.getCorrelationId())
                .setClaimId(claim.getClaimId()).setEntitlementId(claim.getEntitlementId())
                .setDebtorId(claim.getDebtorId()).setPeriodStart(claim.getPeriodStart())
                .setPeriodEnd(claim.getPeriodEnd()).setCause(cause).setAmountCents(cents);
    }

    private static RecoveryClaim stored(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> RecoveryClaim.findById(claimId));
    }

    private static List<Payment> refunds(String entitlementId) {
        return payments(entitlementId).stream().filter(Payment::isRefund).toList();
    }

    private static void awaitClaim(String claimId) {
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RecoveryClaim.findById(UUID.fromString(claimId)) != null));
    }
}
