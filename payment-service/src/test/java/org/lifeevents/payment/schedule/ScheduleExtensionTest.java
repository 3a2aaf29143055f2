package org.lifeevents.payment.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentsScheduledEvent;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.entitlement.EntitlementState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitLines;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.dueDate;
import static org.lifeevents.payment.Fixtures.monthEnd;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

/**
 * A schedule planned through last month gains the new month set-based, by the same rule as the full plan, once: the
 * month a new month would bring is taken away and the schedule set back a month, as if the month had just begun.
 */
@QuarkusTest
class ScheduleExtensionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ScheduleExtension extension;

    @Inject
    PayoutAccountService accounts;

    @Inject
    EntityManager entityManager;

    @Test
    void aScheduleOneMonthBehindGainsTheMonthOnceWithItsAmountRecipientAndEvent() {
        TopicReader topics = new TopicReader(bootstrap);
        String mother = person();
        String father = person();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, mother, "EE382200221020145685"));
        String id = UUID.randomUUID().toString();
        // The father takes over from this month: the month's payment is his, at his amount.
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true,
                Events.newCorrelationId(), List.of(period(monthStart(2), monthEnd(1), 8000, mother),
                        period(monthStart(0), null, 10000, father))));
        awaitVersion(id, 1);
        UUID entitlementId = UUID.fromString(id);
        setBackAMonth(entitlementId, true);

        extension.extendAll();

        assertThat(payments(id)).filteredOn(p -> p.periodStart.equals(monthStart(0))).singleElement().satisfies(p -> {
            assertThat(p.recipientId).isEqualTo(father);
            assertThat(p.amountCents).isEqualTo(10000);
            assertThat(p.grossCents).isEqualTo(10000);
            assertThat(p.status).isEqualTo(Payment.SCHEDULED);
            assertThat(p.dueDate).isEqualTo(dueDate(monthStart(0)));
            assertThat(p.periodEnd).isEqualTo(monthEnd(0));
            assertThat(p.topUpVersion).isZero();
            assertThat(p.entitlementVersion).isEqualTo(1);
        });
        UUID paymentId = payments(id).stream().filter(p -> p.periodStart.equals(monthStart(0))).findFirst()
                .orElseThrow().paymentId;
        assertThat(awaitLines(topics, PaymentsScheduledEvent.class,
                line -> line.getPaymentId().equals(paymentId.toString()), 1)).singleElement()
                .satisfies(line -> {
                    assertThat(line.getAmountCents()).isEqualTo(10000);
                    assertThat(line.getEntitlementVersion()).isEqualTo(1);
                });
        assertThat(plannedThrough(entitlementId)).isEqualTo(monthStart(0));

        // Set back again with the month still there: the extension schedules nothing twice.
        setBackAMonth(entitlementId, false);
        extension.extendAll();
        assertThat(payments(id)).filteredOn(p -> p.periodStart.equals(monthStart(0))).hasSize(1);
        assertThat(payments(id)).extracting(p -> p.periodStart)
                .containsExactly(monthStart(2), monthStart(1), monthStart(0));
    }

    private void setBackAMonth(UUID entitlementId, boolean removeTheMonth) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (removeTheMonth) {
                entityManager.createNativeQuery("delete from payment where entitlement_id = ?1 and period_start = ?2")
                        .setParameter(1, entitlementId).setParameter(2, monthStart(0)).executeUpdate();
            }
            entityManager.createNativeQuery("update entitlement set planned_through = ?2 where entitlement_id = ?1")
                    .setParameter(1, entitlementId).setParameter(2, monthStart(1)).executeUpdate();
        });
    }

    private static java.time.LocalDate plannedThrough(UUID entitlementId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EntitlementState.<EntitlementState> findById(entitlementId).plannedThrough);
    }
}
