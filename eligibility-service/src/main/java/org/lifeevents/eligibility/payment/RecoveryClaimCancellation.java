package org.lifeevents.eligibility.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.lifeevents.events.Events;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a recovery claim no longer claims, written once beside the claim (which stays as it was sent).
 * {@link #WAIVED}: a caseworker rejected the claim's MONEY_ALREADY_PAID case; the claim recovers nothing more but still
 * counts as claimed, so the payment is never claimed again. {@link #REINSTATED}: the months are owed again to the
 * debtor (a revoked death registration, a correction); {@code amountCents} no longer counts as claimed.
 */
@Entity
public class RecoveryClaimCancellation extends PanacheEntityBase {

    public static final String WAIVED = "WAIVED";
    public static final String REINSTATED = "REINSTATED";

    @Id
    public UUID claimId;

    public String cause;
    public long amountCents;
    public String explanation;
    public UUID decisionId;
    public UUID caseId;
    public String cancelledBy;
    public Instant cancelledAt;

    /** The event that tells the payment service (and the audit trail) what this cancellation does to the claim. */
    RecoveryClaimCancelledEvent event(RecoveryClaim claim) {
        return RecoveryClaimCancelledEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(cancelledAt)
                .setCorrelationId(claim.correlationId)
                .setClaimId(claimId.toString())
                .setEntitlementId(claim.entitlementId.toString())
                .setDebtorId(claim.debtorId)
                .setPeriodStart(claim.periodStart)
                .setPeriodEnd(claim.periodEnd)
                .setCause(cause)
                .setAmountCents(amountCents)
                .setExplanation(explanation)
                .setDecisionId(decisionId == null ? null : decisionId.toString())
                .setCaseId(caseId == null ? null : caseId.toString())
                .setCancelledBy(cancelledBy)
                .build();
    }
}
