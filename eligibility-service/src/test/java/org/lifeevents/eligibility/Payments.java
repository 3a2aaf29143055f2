package org.lifeevents.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.localservers.testing.TopicReader;

/** Payment events as the payment service publishes them, on the real topic, keyed by entitlement id. */
public final class Payments {

    private final TopicReader topics;
    private final Clock clock;

    public Payments(TopicReader topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public PaymentSentEvent sent(UUID paymentId, Entitlement e, String recipientId, LocalDate start, LocalDate end,
            long cents) {
        PaymentSentEvent event = PaymentSentEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(e.correlationId)
                .setPaymentId(paymentId.toString())
                .setEntitlementId(e.entitlementId.toString())
                .setBenefit(e.benefit)
                .setRecipientId(recipientId)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setAmountCents(cents)
                .setRunId(UUID.randomUUID().toString())
                .setMessageId("MSG-" + paymentId.toString().substring(0, 8))
                .setEndToEndId(e.correlationId)
                .setSentAt(clock.instant())
                .build();
        topics.publish(Topics.PAYMENTS, e.entitlementId.toString(), event);
        return event;
    }

    public PaymentSettledEvent settled(PaymentSentEvent sent) {
        PaymentSettledEvent event = PaymentSettledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(sent.getCorrelationId())
                .setPaymentId(sent.getPaymentId())
                .setEntitlementId(sent.getEntitlementId())
                .setBenefit(sent.getBenefit())
                .setRecipientId(sent.getRecipientId())
                .setPeriodStart(sent.getPeriodStart())
                .setPeriodEnd(sent.getPeriodEnd())
                .setAmountCents(sent.getAmountCents())
                .setEndToEndId(sent.getEndToEndId())
                .setSettledAt(clock.instant())
                .build();
        publish(event);
        return event;
    }

    public PaymentFailedEvent failed(PaymentSentEvent sent, String reasonCode) {
        PaymentFailedEvent event = PaymentFailedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(sent.getCorrelationId())
                .setPaymentId(sent.getPaymentId())
                .setEntitlementId(sent.getEntitlementId())
                .setBenefit(sent.getBenefit())
                .setRecipientId(sent.getRecipientId())
                .setPeriodStart(sent.getPeriodStart())
                .setPeriodEnd(sent.getPeriodEnd())
                .setAmountCents(sent.getAmountCents())
                .setEndToEndId(sent.getEndToEndId())
                .setReasonCode(reasonCode)
                .setReasonText("bank says " + reasonCode)
                .setFailedAt(clock.instant())
                .build();
        publish(event);
        return event;
    }

    /** One payment of a file, planned from the entitlement as held now. */
    public static PaymentLine line(Entitlement e, String recipientId, LocalDate start, LocalDate end, long cents) {
        return PaymentLine.newBuilder()
                .setPaymentId(UUID.randomUUID().toString())
                .setEntitlementId(e.entitlementId.toString())
                .setEntitlementVersion(e.version)
                .setBenefit(e.benefit)
                .setRecipientId(recipientId)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setAmountCents(cents)
                .setEndToEndId(e.correlationId)
                .build();
    }

    /** A file's payments sent, in one event keyed by the file as a payment run announces them. */
    public PaymentsSentEvent sentTogether(String messageId, List<PaymentLine> lines) {
        PaymentsSentEvent event = PaymentsSentEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(messageId)
                .setRunId(UUID.randomUUID().toString())
                .setMessageId(messageId)
                .setPart(1)
                .setParts(1)
                .setSentAt(clock.instant())
                .setPayments(lines)
                .build();
        topics.publish(Topics.PAYMENTS, messageId, event);
        return event;
    }

    /** A file's payments settled, in one event keyed by the file. */
    public PaymentsSettledEvent settledTogether(String messageId, List<PaymentLine> lines) {
        PaymentsSettledEvent event = PaymentsSettledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(messageId)
                .setMessageId(messageId)
                .setPart(1)
                .setParts(1)
                .setSettledAt(clock.instant())
                .setPayments(lines)
                .build();
        topics.publish(Topics.PAYMENTS, messageId, event);
        return event;
    }

    /** Publishes the event again as it was (a redelivery: same event id). */
    public void publish(org.apache.avro.specific.SpecificRecord event) {
        topics.publish(Topics.PAYMENTS, entitlementOf(event), event);
    }

    private static String entitlementOf(org.apache.avro.specific.SpecificRecord event) {
        return String.valueOf(event.get(event.getSchema().getField("entitlementId").pos()));
    }
}
