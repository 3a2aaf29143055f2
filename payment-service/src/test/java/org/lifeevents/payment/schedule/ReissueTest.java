package org.lifeevents.payment.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.BankSimulatorTestResource;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

@QuarkusTest
class ReissueTest {

    private static final String NEW_IBAN = "EE382200221020145685";
    private static final String LATER_IBAN = "EE471000001020145685";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    PayoutAccountService accounts;

    @Inject
    Reissues reissues;

    @Test
    void aPaymentRefusedForAWrongAccountIsPaidOnceToTheNextAccountWhateverIsRepeated() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, BankSimulatorTestResource.INCORRECT_ACCOUNT));
        String id = UUID.randomUUID().toString();
        EntitlementDecidedEvent grant = decided(id, 1, "FUNERAL_GRANT", "GRANTED", false, Events.newCorrelationId(),
                List.of(period(monthStart(1), monthStart(1), 25000, parent)));
        topics.publish(Topics.ENTITLEMENTS, id, grant);
        awaitVersion(id, 1);
        Fixtures.run(runs, executor);
        Payment refused = payments(id).get(0);
        assertThat(refused.status).isEqualTo(Payment.FAILED);
        assertThat(refused.reasonCode).isEqualTo("AC01");

        // the same wrong account again re-issues nothing: it is not a new account
        QuarkusTransaction.requiringNew().run(() -> assertThat(reissues.reissue(parent,
                BankSimulatorTestResource.INCORRECT_ACCOUNT)).isZero());
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, NEW_IBAN));
        // a repeated account change, the tax authority's record delivered twice, and the entitlement redelivered
        QuarkusTransaction.requiringNew().run(() -> assertThat(reissues.reissue(parent, NEW_IBAN)).isZero());
        TaxRefundAccountEvent refund = TaxRefundAccountEvent.newBuilder().setEventId(Events.newEventId())
                .setOccurredAt(Fixtures.now()).setCorrelationId(Events.newCorrelationId()).setPersonId(parent)
                .setIban(LATER_IBAN).setRecordedOn(monthStart(0)).build();
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, parent, refund);
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, parent, refund);
        topics.publish(Topics.ENTITLEMENTS, id, grant);
        String sentinel = UUID.randomUUID().toString();
        topics.publish(Topics.ENTITLEMENTS, sentinel, decided(sentinel, 1, "FUNERAL_GRANT", "GRANTED", false,
                Events.newCorrelationId(), List.of(period(monthStart(1), monthStart(1), 25000, person()))));
        awaitVersion(sentinel, 1);

        List<Payment> planned = payments(id);
        assertThat(planned).hasSize(2);
        Payment reissue = planned.stream().filter(Payment::isReissue).findFirst().orElseThrow();
        assertThat(reissue.reissueOf).isEqualTo(refused.paymentId);
        assertThat(reissue.status).isEqualTo(Payment.SCHEDULED);
        assertThat(reissue.grossCents).isEqualTo(25000);
        assertThat(reissue.amountCents).isEqualTo(25000);
        assertThat(reissue.periodStart).isEqualTo(refused.periodStart);
        assertThat(reissue.topUpVersion).isEqualTo(-1);
        assertThat(topics.await(Topics.PAYMENTS, PaymentScheduledEvent.class,
                e -> e.getPaymentId().equals(reissue.paymentId.toString()), 1)).hasSize(1);

        Fixtures.run(runs, executor);

        Payment paid = payments(id).stream().filter(Payment::isReissue).findFirst().orElseThrow();
        assertThat(paid.status).isEqualTo(Payment.SETTLED);
        assertThat(paid.creditorIban).isEqualTo(NEW_IBAN);
        // paid: a later account re-issues nothing more, and the next run pays nothing for it
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, LATER_IBAN));
        Fixtures.run(runs, executor);
        assertThat(payments(id)).hasSize(2).filteredOn(p -> Payment.SETTLED.equals(p.status)).hasSize(1);
    }

    @Test
    void aReissueRefusedAgainIsReissuedInTurnAndANewVersionReplacesAWaitingReissue() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, BankSimulatorTestResource.INCORRECT_ACCOUNT));
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "FUNERAL_GRANT", "GRANTED", false, correlation,
                List.of(period(monthStart(1), monthStart(1), 25000, parent))));
        awaitVersion(id, 1);
        Fixtures.run(runs, executor);

        // a second wrong account: the re-issue is refused as well, and is itself re-issued to the next account
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, BankSimulatorTestResource.INCORRECT_ACCOUNT
                .replace("0000000001", "0000000002")));
        Fixtures.run(runs, executor);
        List<Payment> afterTwo = payments(id);
        assertThat(afterTwo).hasSize(2).allSatisfy(p -> assertThat(p.status).isIn(Payment.FAILED, Payment.SCHEDULED));
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, NEW_IBAN));
        List<Payment> afterThree = payments(id);
        assertThat(afterThree).filteredOn(p -> Payment.SCHEDULED.equals(p.status)).singleElement()
                .satisfies(p -> assertThat(p.topUpVersion).isLessThan(0));

        // eligibility decides anew before the run: the waiting re-issue goes, the new version's top-up pays instead
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 2, "FUNERAL_GRANT", "GRANTED", false, correlation,
                List.of(period(monthStart(1), monthStart(1), 25000, parent))));
        awaitVersion(id, 2);
        List<Payment> replanned = payments(id);
        assertThat(replanned).filteredOn(p -> Payment.SCHEDULED.equals(p.status)).singleElement()
                .satisfies(p -> {
                    assertThat(p.topUpVersion).isEqualTo(2);
                    assertThat(p.amountCents).isEqualTo(25000);
                });
        Fixtures.run(runs, executor);
        assertThat(payments(id)).filteredOn(p -> Payment.SETTLED.equals(p.status)).singleElement()
                .satisfies(p -> assertThat(p.creditorIban).isEqualTo(NEW_IBAN));
    }
}
