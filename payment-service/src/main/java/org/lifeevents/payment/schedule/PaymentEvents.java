package org.lifeevents.payment.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;
import org.lifeevents.events.payment.PaymentsScheduledEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;

/**
 * Announces what happens to payments on {@code payment.payments.v1}, through the outbox. A payment changed on its own
 * (planned for an entitlement, offset by a claim, refused by the bank) is one event keyed by its entitlement; payments
 * changed together (a month planned, a file sent, a file's report imported) are announced together, in parts of at
 * most {@value #LINES_PER_EVENT}, keyed by what they share: a million payments are a thousand events, not a million.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentEvents {

    /** Payments per event: a part stays far below Kafka's default 1 MB record limit however large the file. */
    static final int LINES_PER_EVENT = 1000;

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

    /** A month planned for many entitlements at once, under the planning's own correlation id. */
    public void scheduled(List<Payment> payments, LocalDate month, LocalDate dueDate) {
        List<List<PaymentLine>> parts = parts(payments);
        String planning = Events.newCorrelationId();
        for (List<PaymentLine> part : parts) {
            outbox.publish(Topics.PAYMENTS, planning, PaymentsScheduledEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(clock.instant())
                    .setCorrelationId(planning)
                    .setMonth(month)
                    .setDueDate(dueDate)
                    .setPayments(part)
                    .build());
        }
    }

    /** A file's payments handed to the bank, keyed by the file so its parts and its report stay in order. */
    public void sent(List<Payment> payments, UUID runId, String messageId, Instant sentAt) {
        List<List<PaymentLine>> parts = parts(payments);
        for (int i = 0; i < parts.size(); i++) {
            outbox.publish(Topics.PAYMENTS, messageId, PaymentsSentEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(clock.instant())
                    .setCorrelationId(messageId)
                    .setRunId(runId.toString())
                    .setMessageId(messageId)
                    .setPart(i + 1)
                    .setParts(parts.size())
                    .setSentAt(sentAt)
                    .setPayments(parts.get(i))
                    .build());
        }
    }

    /** A file's payments the bank accepted, keyed by the file like the announcement that it was sent. */
    public void settled(List<Payment> payments, String messageId, Instant settledAt) {
        List<List<PaymentLine>> parts = parts(payments);
        for (int i = 0; i < parts.size(); i++) {
            outbox.publish(Topics.PAYMENTS, messageId, PaymentsSettledEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(clock.instant())
                    .setCorrelationId(messageId)
                    .setMessageId(messageId)
                    .setPart(i + 1)
                    .setParts(parts.size())
                    .setSettledAt(settledAt)
                    .setPayments(parts.get(i))
                    .build());
        }
    }

    private static List<List<PaymentLine>> parts(List<Payment> payments) {
        List<List<PaymentLine>> parts = new ArrayList<>();
        for (int from = 0; from < payments.size(); from += LINES_PER_EVENT) {
            parts.add(payments.subList(from, Math.min(payments.size(), from + LINES_PER_EVENT)).stream()
                    .map(PaymentEvents::line).toList());
        }
        return parts;
    }

    private static PaymentLine line(Payment p) {
        return PaymentLine.newBuilder()
                .setPaymentId(p.paymentId.toString())
                .setEntitlementId(p.entitlementId.toString())
                .setEntitlementVersion(p.entitlementVersion)
                .setBenefit(p.benefit)
                .setRecipientId(p.recipientId)
                .setPeriodStart(p.periodStart)
                .setPeriodEnd(p.periodEnd)
                .setAmountCents(p.amountCents)
                .setGrossCents(p.grossCents)
                .setEndToEndId(p.correlationId)
                .setRefundOfClaimId(p.refundOfClaim == null ? null : p.refundOfClaim.toString())
                .build();
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
                .setGrossCents(p.grossCents)
                .setEndToEndId(p.correlationId)
                .setSettledAt(settledAt)
                .setRefundOfClaimId(p.refundOfClaim == null ? null : p.refundOfClaim.toString())
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
