package org.lifeevents.payment.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.payment.PaymentScheduledEvent;

/**
 * Turns granted entitlements into payments due. A one-off benefit is due in the next daily run once granted. The
 * database's unique (entitlement, period) key decides whether a payment exists, so a redelivered or repeated grant can
 * never schedule a second one.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentSchedule {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    public void granted(String entitlementId, String benefit, boolean monthly, List<EntitlementPeriod> periods,
            String correlationId) {
        if (monthly) {
            // Monthly benefits are scheduled by the monthly run, period by period.
            return;
        }
        for (EntitlementPeriod period : periods) {
            schedule(UUID.fromString(entitlementId), benefit, period.getRecipientId(), period.getFromDate(),
                    period.getUntilDate() == null ? period.getFromDate() : period.getUntilDate(), period.getAmountCents(),
                    LocalDate.now().plusDays(1), correlationId);
        }
    }

    /** Schedules the payment unless one exists for the entitlement and period; returns whether it was new. */
    boolean schedule(UUID entitlementId, String benefit, String recipientId, LocalDate periodStart, LocalDate periodEnd,
            long amountCents, LocalDate dueDate, String correlationId) {
        UUID paymentId = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                     amount_cents, status, due_date, correlation_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (entitlement_id, period_start) do nothing
                """)
                .setParameter(1, paymentId)
                .setParameter(2, entitlementId)
                .setParameter(3, benefit)
                .setParameter(4, recipientId)
                .setParameter(5, periodStart)
                .setParameter(6, periodEnd)
                .setParameter(7, amountCents)
                .setParameter(8, Payment.SCHEDULED)
                .setParameter(9, dueDate)
                .setParameter(10, correlationId)
                .executeUpdate();
        if (inserted == 1) {
            outbox.publish(Topics.PAYMENTS, entitlementId.toString(), PaymentScheduledEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(Instant.now())
                    .setCorrelationId(correlationId)
                    .setPaymentId(paymentId.toString())
                    .setEntitlementId(entitlementId.toString())
                    .setBenefit(benefit)
                    .setRecipientId(recipientId)
                    .setPeriodStart(periodStart)
                    .setPeriodEnd(periodEnd)
                    .setAmountCents(amountCents)
                    .setDueDate(dueDate)
                    .build());
        }
        return inserted == 1;
    }
}
