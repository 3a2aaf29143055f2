package org.lifeevents.payment.schedule;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;

/** Announces what happens to a payment on {@code payment.payments.v1}, keyed by entitlement, through the outbox. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentEvents {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void scheduled(Payment p) {
        outbox.publish(Topics.PAYMENTS, p.entitlementId.toString(), PaymentScheduledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(p.correlationId)
                .setPaymentId(p.paymentId.toString())
                .setEntitlementId(p.entitlementId.toString())
                .setBenefit(p.benefit)
                .setRecipientId(p.recipientId)
                .setPeriodStart(p.periodStart)
                .setPeriodEnd(p.periodEnd)
                .setAmountCents(p.amountCents)
                .setDueDate(p.dueDate)
                .build());
    }

    public void sent(Payment p, String messageId, Instant sentAt) {
        outbox.publish(Topics.PAYMENTS, p.entitlementId.toString(), PaymentSentEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(p.correlationId)
                .setPaymentId(p.paymentId.toString())
                .setEntitlementId(p.entitlementId.toString())
                .setBenefit(p.benefit)
                .setRecipientId(p.recipientId)
                .setPeriodStart(p.periodStart)
                .setPeriodEnd(p.periodEnd)
                .setAmountCents(p.amountCents)
                .setRunId(p.runId.toString())
                .setMessageId(messageId)
                .setEndToEndId(p.correlationId)
                .setSentAt(sentAt)
                .build());
    }

    public void settled(Payment p, Instant settledAt) {
        outbox.publish(Topics.PAYMENTS, p.entitlementId.toString(), PaymentSettledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(p.correlationId)
                .setPaymentId(p.paymentId.toString())
                .setEntitlementId(p.entitlementId.toString())
                .setBenefit(p.benefit)
                .setRecipientId(p.recipientId)
                .setPeriodStart(p.periodStart)
                .setPeriodEnd(p.periodEnd)
                .setAmountCents(p.amountCents)
                .setEndToEndId(p.correlationId)
                .setSettledAt(settledAt)
                .build());
    }

    public void failed(Payment p, String reasonCode, String reasonText, Instant failedAt) {
        outbox.publish(Topics.PAYMENTS, p.entitlementId.toString(), PaymentFailedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(p.correlationId)
                .setPaymentId(p.paymentId.toString())
                .setEntitlementId(p.entitlementId.toString())
                .setBenefit(p.benefit)
                .setRecipientId(p.recipientId)
                .setPeriodStart(p.periodStart)
                .setPeriodEnd(p.periodEnd)
                .setAmountCents(p.amountCents)
                .setEndToEndId(p.correlationId)
                .setReasonCode(reasonCode)
                .setReasonText(reasonText)
                .setFailedAt(failedAt)
                .build());
    }
}
