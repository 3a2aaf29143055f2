package org.lifeevents.payment.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.BankSimulatorTestResource;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.payrun.OwedReconciliation;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;
import org.lifeevents.payment.person.Person;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.changed;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.monthEnd;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;
import static org.lifeevents.payment.Fixtures.stopped;

@QuarkusTest
class ScheduleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    PayoutAccountService accounts;

    @Inject
    OwedReconciliation reconciliation;

    @Test
    void aChangeBeforePaymentReplansAndAnIncreaseAfterPaymentIsPaidOnceAsATopUp() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        // Two months whose payment day has passed, whatever the business date: both are paid by the first run.
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "PARENTAL_BENEFIT", "GRANTED", true, correlation,
                List.of(period(monthStart(3), monthEnd(2), 82000, parent))));
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 2, "PARENTAL_BENEFIT", "GRANTED", true, correlation,
                List.of(period(monthStart(3), monthEnd(2), 90000, parent)), "DATA_ARRIVED"));
        awaitVersion(id, 2);
        assertThat(payments(id)).extracting(p -> p.amountCents).containsExactly(90000L, 90000L);

        Fixtures.run(runs, executor);
        assertThat(payments(id)).extracting(p -> p.status).containsOnly(Payment.SETTLED);

        // The income was higher: 95000 a month from the start. Each paid month gets one top-up of 5000.
        var raise = changed(id, 3, "PARENTAL_BENEFIT", "GRANTED", true, correlation,
                List.of(period(monthStart(3), monthEnd(2), 95000, parent)), "CORRECTION");
        topics.publish(Topics.ENTITLEMENTS, id, raise);
        topics.publish(Topics.ENTITLEMENTS, id, raise);
        awaitVersion(id, 3);
        // A lower amount afterwards is eligibility's recovery claim, never a negative payment here.
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 4, "PARENTAL_BENEFIT", "GRANTED", true, correlation,
                List.of(period(monthStart(3), monthEnd(2), 95000, parent)), "DATA_ARRIVED"));
        awaitVersion(id, 4);
        Fixtures.run(runs, executor);

        List<Payment> all = payments(id);
        assertThat(all).hasSize(4);
        assertThat(all).filteredOn(Payment::isTopUp).hasSize(2).allSatisfy(p -> {
            assertThat(p.amountCents).isEqualTo(5000);
            assertThat(p.topUpVersion).isEqualTo(3);
            assertThat(p.entitlementVersion).isEqualTo(4);
            assertThat(p.status).isEqualTo(Payment.SETTLED);
        });

        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 5, "PARENTAL_BENEFIT", "GRANTED", true, correlation,
                List.of(period(monthStart(3), monthEnd(2), 70000, parent)), "CORRECTION"));
        awaitVersion(id, 5);
        Fixtures.run(runs, executor);
        assertThat(payments(id)).hasSize(4);
    }

    @Test
    void aStopCancelsWhatIsNoLongerOwedAndAnOlderVersionIsIgnored() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(3), null, 8000, parent))));
        topics.publish(Topics.ENTITLEMENTS, id, stopped(id, 3, "CHILD_ALLOWANCE", correlation, monthEnd(2)));
        // Version 2 arrives late: it is older than the stop and changes nothing.
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(3), null, 10000, parent)), "AMOUNT_CHANGED"));
        awaitVersion(id, 3);
        topics.publish(Topics.ENTITLEMENTS, id, stopped(id, 4, "CHILD_ALLOWANCE", correlation, monthEnd(2)));
        awaitVersion(id, 4);

        Fixtures.run(runs, executor);

        List<Payment> all = payments(id);
        assertThat(all).filteredOn(p -> p.status.equals(Payment.SETTLED)).extracting(p -> p.periodStart)
                .containsExactly(monthStart(3), monthStart(2));
        assertThat(all).filteredOn(p -> p.status.equals(Payment.SETTLED)).extracting(p -> p.amountCents)
                .containsOnly(8000L);
        assertThat(all).filteredOn(p -> !p.status.equals(Payment.SETTLED)).extracting(p -> p.status)
                .containsOnly(Payment.CANCELLED);
    }

    @Test
    void amountsOwedWithoutAnAccountAccrueAndArePaidInTheFirstRunAfterOneIsKnown() {
        TopicReader topics = new TopicReader(bootstrap);
        String parent = person();
        String id = UUID.randomUUID().toString();
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "SINGLE_PARENT_ALLOWANCE", "GRANTED", true,
                Events.newCorrelationId(), List.of(period(monthStart(4), monthEnd(2), 8000, parent))));
        awaitVersion(id, 1);

        // Three months whose payment day has passed, whatever the business date: only the missing account holds them.
        Fixtures.run(runs, executor);
        assertThat(payments(id)).hasSize(3).extracting(p -> p.status).containsOnly(Payment.SCHEDULED);

        QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
        Fixtures.run(runs, executor);
        assertThat(payments(id)).extracting(p -> p.status).containsOnly(Payment.SETTLED);
    }

    @Test
    void nothingIsPaidForAMonthAfterTheRecipientsDeathUntilEligibilityReroutesIt() {
        TopicReader topics = new TopicReader(bootstrap);
        String mother = person();
        String father = person();
        QuarkusTransaction.requiringNew().run(() -> {
            account(accounts, mother, "EE382200221020145685");
            account(accounts, father, "EE181010220034567011");
        });
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        // She dies three months ago, so every month of the story has reached its payment day whatever the business
        // date: what is held is held for the death, not for the calendar.
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(4), null, 8000, mother))));
        awaitVersion(id, 1);
        LocalDate died = monthStart(3).plusDays(11);
        topics.publish(Topics.REGISTRATIONS, mother, death(mother, died));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person> findByIdOptional(mother).map(p -> died.equals(p.dateOfDeath)).orElse(false)));

        Fixtures.run(runs, executor);
        List<Payment> all = payments(id);
        assertThat(all).filteredOn(p -> p.status.equals(Payment.SETTLED)).extracting(p -> p.periodStart)
                .containsExactly(monthStart(4), monthStart(3));
        assertThat(all).filteredOn(p -> p.periodStart.isAfter(monthEnd(3))).extracting(p -> p.status)
                .containsOnly(Payment.HELD);

        // Eligibility moves the months after the death to the father.
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(4), monthEnd(3), 8000, mother), period(monthStart(2), null, 8000, father)),
                "RECIPIENT_DIED"));
        awaitVersion(id, 2);
        Fixtures.run(runs, executor);
        List<Payment> after = payments(id);
        assertThat(after).filteredOn(p -> p.periodStart.equals(monthStart(2))).singleElement().satisfies(p -> {
            assertThat(p.recipientId).isEqualTo(father);
            assertThat(p.status).isEqualTo(Payment.SETTLED);
        });
        assertThat(after).filteredOn(p -> p.recipientId.equals(mother) && p.periodStart.isAfter(monthEnd(3)))
                .allSatisfy(p -> assertThat(p.status).isNotIn(Payment.SETTLED, Payment.SENT, Payment.SCHEDULED));
    }

    @Test
    void aPaymentTheBankRefusedIsNotRetriedButPaidOnceWhenEligibilityDecidesAgain() {
        TopicReader topics = new TopicReader(bootstrap);
        String widow = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, widow, BankSimulatorTestResource.CLOSED_ACCOUNT));
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        List<org.lifeevents.events.eligibility.EntitlementPeriod> grant = List
                .of(period(monthStart(1).plusDays(3), monthStart(1).plusDays(3), 25000, widow));
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "FUNERAL_GRANT", "GRANTED", false, correlation, grant));
        awaitVersion(id, 1);
        Fixtures.run(runs, executor);
        Fixtures.run(runs, executor);
        assertThat(payments(id)).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(Payment.FAILED);
            assertThat(p.reasonCode).isEqualTo("AC04");
        });

        // The case is resolved: she gave a new account, and eligibility confirms the grant again.
        QuarkusTransaction.requiringNew().run(() -> account(accounts, widow, "EE382200221020145685"));
        var again = changed(id, 2, "FUNERAL_GRANT", "GRANTED", false, correlation, grant, "CASE_DECISION");
        topics.publish(Topics.ENTITLEMENTS, id, again);
        topics.publish(Topics.ENTITLEMENTS, id, again);
        awaitVersion(id, 2);
        Fixtures.run(runs, executor);
        Fixtures.run(runs, executor);

        assertThat(payments(id)).extracting(p -> p.status + " " + p.amountCents + " " + p.creditorIban)
                .containsExactly("FAILED 25000 " + BankSimulatorTestResource.CLOSED_ACCOUNT,
                        "SETTLED 25000 EE382200221020145685");
    }

    @Test
    void aMonthPaidToTheMotherBeforeHerDeathWasKnownIsPaidToTheFatherWhoIsNowOwedIt() {
        TopicReader topics = new TopicReader(bootstrap);
        String mother = person();
        String father = person();
        QuarkusTransaction.requiringNew().run(() -> {
            account(accounts, mother, "EE382200221020145685");
            account(accounts, father, "EE181010220034567011");
        });
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(5), null, 8000, mother))));
        awaitVersion(id, 1);
        Fixtures.run(runs, executor);
        List<LocalDate> paidToHer = payments(id).stream().filter(p -> p.status.equals(Payment.SETTLED))
                .map(p -> p.periodStart).toList();
        assertThat(paidToHer).isNotEmpty().allSatisfy(month -> assertThat(Fixtures.due(month)).isTrue());

        OwedReconciliation.BenefitReconciliation before = childAllowance();

        // Her death a month before the first of them is registered late; eligibility moves the child allowance to the
        // father from the first month (and claims what she was paid back from her estate: its recovery claim).
        LocalDate died = monthStart(6).plusDays(14);
        topics.publish(Topics.REGISTRATIONS, mother, death(mother, died));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person> findByIdOptional(mother).map(p -> died.equals(p.dateOfDeath)).orElse(false)));
        topics.publish(Topics.ENTITLEMENTS, id, changed(id, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(5), null, 8000, father)), "RECIPIENT_DIED"));
        awaitVersion(id, 2);
        Fixtures.run(runs, executor);
        Fixtures.run(runs, executor);

        List<Payment> after = payments(id);
        // What she was paid stays hers (the claim is eligibility's); each of those months is paid to him, once.
        assertThat(after).filteredOn(p -> p.recipientId.equals(mother) && p.status.equals(Payment.SETTLED))
                .extracting(p -> p.periodStart).containsExactlyElementsOf(paidToHer);
        assertThat(after).filteredOn(p -> p.recipientId.equals(father) && p.status.equals(Payment.SETTLED))
                .extracting(p -> p.periodStart + " " + p.amountCents)
                .containsExactlyElementsOf(paidToHer.stream().map(month -> month + " 8000").toList());
        assertThat(after).filteredOn(p -> p.recipientId.equals(mother))
                .allSatisfy(p -> assertThat(p.status).isIn(Payment.SETTLED, Payment.CANCELLED));

        // Summed over everyone her months cancel out; per recipient they show as paid to someone not owed them.
        OwedReconciliation.BenefitReconciliation now = childAllowance();
        long hers = 8000L * paidToHer.size();
        assertThat(now.paidNotOwedCents() - before.paidNotOwedCents()).isEqualTo(hers);
        assertThat(now.owedNotPaidCents()).isEqualTo(before.owedNotPaidCents());
        assertThat(now.recipientsDiffering() - before.recipientsDiffering()).isEqualTo(1);
    }

    private OwedReconciliation.BenefitReconciliation childAllowance() {
        return QuarkusTransaction.requiringNew().call(() -> reconciliation.asOf().benefits().stream()
                .filter(b -> b.benefit().equals("CHILD_ALLOWANCE")).findFirst()
                .orElse(new OwedReconciliation.BenefitReconciliation("CHILD_ALLOWANCE", 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    static DeathRegisteredEvent death(String personId, LocalDate date) {
        return DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Fixtures.now()).setCorrelationId(Events.newCorrelationId())
                .setDeath(DeathRecord.newBuilder().setRegistrationId("D-" + personId).setPersonId(personId)
                        .setBirthDate(LocalDate.of(1980, 1, 1)).setDateOfDeath(date).setPlaceOfDeath("Tallinn").build())
                .setRegisteredAt(Fixtures.now()).build();
    }
}
