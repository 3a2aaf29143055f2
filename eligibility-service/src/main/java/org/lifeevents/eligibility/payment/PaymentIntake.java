package org.lifeevents.eligibility.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.cases.CaseOpener;
import org.lifeevents.eligibility.cases.CaseType;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.HouseholdLock;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;

/**
 * What the payment service reports: money sent or settled is recorded per entitlement and period (and checked at once
 * against what is owed now, for a change decided while the payment was on its way); a payment the bank refused opens
 * a PAYMENT_REJECTED case, and with reason MD07 (the account holder is deceased) a DEATH_CHECK case too.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentIntake {

    /** ISO 20022 status reason: the end customer is deceased. */
    static final String DECEASED = "MD07";

    @Inject
    CaseOpener cases;

    @Inject
    Recoveries recoveries;

    @Inject
    HouseholdLock lock;

    @Inject
    Clock clock;

    /**
     * A poll's reports: the households of all the entitlements they concern are locked first, in one statement and in
     * sorted order, so a poll never takes household locks in an order another consumer's poll could invert.
     */
    public void handleAll(List<SpecificRecord> events) {
        List<UUID> entitlementIds = events.stream().map(PaymentIntake::entitlementIdOf).filter(Objects::nonNull)
                .distinct().toList();
        lock.lockAll(Entitlement.scopesOf(entitlementIds));
        events.forEach(this::handle);
    }

    public void handle(SpecificRecord event) {
        if (event instanceof PaymentSentEvent sent) {
            paid(record(sent.getPaymentId(), sent.getEntitlementId(), sent.getBenefit(), sent.getRecipientId(),
                    sent.getPeriodStart(), sent.getPeriodEnd(), sent.getAmountCents(), sent.getCorrelationId(),
                    PaidPayment.SENT));
        } else if (event instanceof PaymentSettledEvent settled) {
            paid(record(settled.getPaymentId(), settled.getEntitlementId(), settled.getBenefit(),
                    settled.getRecipientId(), settled.getPeriodStart(), settled.getPeriodEnd(),
                    settled.getAmountCents(), settled.getCorrelationId(), PaidPayment.SETTLED));
        } else if (event instanceof PaymentFailedEvent failed) {
            failed(failed);
        }
        // a scheduled payment changes nothing here: only money that left (or was refused) does
    }

    private static UUID entitlementIdOf(SpecificRecord event) {
        String id = event instanceof PaymentSentEvent sent ? sent.getEntitlementId()
                : event instanceof PaymentSettledEvent settled ? settled.getEntitlementId()
                        : event instanceof PaymentFailedEvent failed ? failed.getEntitlementId() : null;
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            // handle() refuses the event with the reason
            return null;
        }
    }

    private void paid(PaidPayment payment) {
        Entitlement entitlement = Entitlement.findById(payment.entitlementId);
        if (entitlement == null) {
            return;
        }
        lock.lock(entitlement.scope);
        recoveries.reclaim(entitlement, entitlement.decisionId, "payment " + payment.paymentId
                + " reported after the entitlement changed", "payment " + payment.paymentId);
    }

    private void failed(PaymentFailedEvent failed) {
        PaidPayment payment = record(failed.getPaymentId(), failed.getEntitlementId(), failed.getBenefit(),
                failed.getRecipientId(), failed.getPeriodStart(), failed.getPeriodEnd(), failed.getAmountCents(),
                failed.getCorrelationId(), PaidPayment.FAILED);
        Entitlement entitlement = Entitlement.findById(payment.entitlementId);
        String householdId = entitlement == null ? null : entitlement.householdId;
        String bankSays = failed.getReasonCode() + (failed.getReasonText() == null ? "" : " " + failed.getReasonText());
        cases.open(CaseOpener.Request.of(CaseType.PAYMENT_REJECTED, payment.paymentId.toString(), "The bank rejected "
                + "the payment of " + Cents.format(payment.amountCents) + " to " + payment.recipientId + " for "
                + payment.periodStart + " to " + payment.periodEnd + " (" + payment.benefit + ", reason " + bankSays
                + "): it is not retried until the recipient's account or the recipient changes.")
                .subject(payment.recipientId).household(householdId)
                .entitlement(payment.entitlementId, entitlement == null ? null : entitlement.decisionId)
                .correlation(payment.correlationId));
        if (DECEASED.equals(failed.getReasonCode())) {
            cases.open(CaseOpener.Request.of(CaseType.DEATH_CHECK, payment.recipientId, "The bank reports the holder "
                    + "of the account of " + payment.recipientId + " as deceased (MD07) but the register records no "
                    + "death: check with the civil registry.")
                    .subject(payment.recipientId).household(householdId)
                    .entitlement(payment.entitlementId, entitlement == null ? null : entitlement.decisionId)
                    .correlation(payment.correlationId));
        }
    }

    private PaidPayment record(String paymentId, String entitlementId, String benefit, String recipientId,
            LocalDate periodStart, LocalDate periodEnd, long amountCents, String correlationId, String status) {
        if (!PersonId.isValid(recipientId)) {
            throw new RejectedEventException("Recipient " + recipientId + " is not a valid person id");
        }
        UUID id;
        UUID entitlement;
        try {
            id = UUID.fromString(paymentId);
            entitlement = UUID.fromString(entitlementId);
        } catch (IllegalArgumentException bad) {
            throw new RejectedEventException("Payment or entitlement id is not a UUID");
        }
        if (amountCents < 0 || periodEnd.isBefore(periodStart)) {
            throw new RejectedEventException("Payment " + paymentId + " has a negative amount or an empty period");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PaidPayment payment = PaidPayment.findById(id);
        if (payment == null) {
            payment = new PaidPayment();
            payment.paymentId = id;
            payment.entitlementId = entitlement;
            payment.benefit = benefit;
            payment.recipientId = recipientId;
            payment.periodStart = periodStart;
            payment.periodEnd = periodEnd;
            payment.amountCents = amountCents;
            payment.status = status;
            payment.correlationId = correlationId;
            payment.updatedAt = now;
            payment.persist();
            return payment;
        }
        // a report never takes back a later one: settled or failed stay so
        if (!PaidPayment.SENT.equals(status) || PaidPayment.SENT.equals(payment.status)) {
            payment.status = status;
            payment.amountCents = amountCents;
            payment.updatedAt = now;
        }
        return payment;
    }
}
