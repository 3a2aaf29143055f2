package org.lifeevents.payment.recovery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.payment.schedule.Payment;
import org.lifeevents.payment.schedule.PaymentEvents;

/**
 * Records recovery claims and offsets them against the debtor's next payments, oldest claim first, when a payment run
 * takes those payments. A payment offset in full goes to no bank (it is paid by the offset); a claim that nothing could
 * offset stays open for caseworkers. A claim a caseworker cancelled offsets nothing more.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RecoveryService {

    static final String WAIVED = "WAIVED";
    static final String REINSTATED = "REINSTATED";

    private static final Logger LOG = Logger.getLogger(RecoveryService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentEvents events;

    @Inject
    Refunds refunds;

    @Inject
    Clock clock;

    public void claimed(RecoveryClaimEvent e) {
        if (!PersonId.isValid(e.getDebtorId())) {
            throw new RejectedEventException("Debtor " + e.getDebtorId() + " is not a valid person id");
        }
        if (e.getAmountCents() <= 0) {
            throw new RejectedEventException("A recovery claim of " + e.getAmountCents() + " cents claims nothing");
        }
        UUID claimId;
        UUID entitlementId;
        try {
            claimId = UUID.fromString(e.getClaimId());
            entitlementId = UUID.fromString(e.getEntitlementId());
        } catch (IllegalArgumentException bad) {
            throw new RejectedEventException("Claim or entitlement id is not a UUID");
        }
        if (RecoveryClaim.findById(claimId) != null) {
            return;
        }
        RecoveryClaim claim = new RecoveryClaim();
        claim.claimId = claimId;
        claim.entitlementId = entitlementId;
        claim.debtorId = e.getDebtorId();
        claim.periodStart = e.getPeriodStart();
        claim.periodEnd = e.getPeriodEnd();
        claim.amountCents = e.getAmountCents();
        claim.remainingCents = e.getAmountCents();
        claim.reason = e.getReason();
        claim.decisionId = e.getDecisionId();
        claim.explanation = e.getExplanation();
        claim.correlationId = e.getCorrelationId();
        claim.status = RecoveryClaim.OPEN;
        claim.receivedAt = clock.instant();
        claim.persist();
        LOG.infof("Recovery claim %s of %d cents from %s recorded", claimId, claim.amountCents, claim.debtorId);
    }

    /**
     * A claim, or part of it, is no longer to be recovered. WAIVED (a caseworker's decision in its case): it offsets
     * nothing more; offsets already made stay as they are (those payments went out reduced and were reported so) and
     * what remains is kept on the claim as waived. REINSTATED (its months are owed to the debtor again): the amount
     * released is no longer claimed, so what remains to offset shrinks by it, the claim is cancelled when all of it is
     * released, and what offsets had already recovered beyond what is still claimed is paid back to the debtor by a
     * refund in the next run ({@link Refunds}). A cancellation of a claim not (yet) known is refused to the dead-letter
     * topic, as the claim comes first on the same key; eligibility cancels a claim once, and a redelivered event is
     * skipped by its id (and would release nothing more: a release never exceeds the amount, nor a refund the excess).
     */
    public void cancelled(RecoveryClaimCancelledEvent e) {
        UUID claimId;
        try {
            claimId = UUID.fromString(e.getClaimId());
        } catch (IllegalArgumentException bad) {
            throw new RejectedEventException("Claim id is not a UUID");
        }
        boolean waived = WAIVED.equals(e.getCause());
        if (!waived && !REINSTATED.equals(e.getCause())) {
            throw new RejectedEventException("Cancellation cause " + e.getCause() + " is not WAIVED or REINSTATED");
        }
        if (e.getAmountCents() <= 0) {
            throw new RejectedEventException("Cancelled amount must be positive");
        }
        RecoveryClaim claim = entityManager.find(RecoveryClaim.class, claimId, LockModeType.PESSIMISTIC_WRITE);
        if (claim == null) {
            throw new RejectedEventException("Claim " + claimId + " to cancel is not known");
        }
        if (RecoveryClaim.CANCELLED.equals(claim.status)) {
            return;
        }
        if (waived) {
            waive(claim, e);
        } else {
            release(claim, e);
        }
    }

    private void waive(RecoveryClaim claim, RecoveryClaimCancelledEvent e) {
        if (RecoveryClaim.SETTLED.equals(claim.status)) {
            // recovered in full before the caseworker decided: nothing is left to waive, and offsets stay
            LOG.infof("Recovery claim %s was settled before its cancellation in case %s; nothing left to waive",
                    claim.claimId, e.getCaseId());
            return;
        }
        cancel(claim, e);
        LOG.infof("Recovery claim %s waived in case %s: %d of %d cents no longer recovered, %d already offset stay "
                + "recovered", claim.claimId, e.getCaseId(), claim.remainingCents, claim.amountCents,
                recovered(claim));
    }

    private void release(RecoveryClaim claim, RecoveryClaimCancelledEvent e) {
        long recovered = recovered(claim);
        long released = Math.min(e.getAmountCents(), claim.amountCents - claim.releasedCents);
        claim.releasedCents += released;
        long stillClaimed = claim.amountCents - claim.releasedCents;
        long excess = Math.max(0, recovered - stillClaimed);
        claim.remainingCents = Math.max(0, stillClaimed - recovered);
        if (stillClaimed == 0) {
            cancel(claim, e);
        } else if (claim.remainingCents == 0 && RecoveryClaim.OPEN.equals(claim.status)) {
            claim.status = RecoveryClaim.SETTLED;
            claim.settledAt = clock.instant();
        }
        if (excess > 0) {
            refunds.refund(claim, excess, e.getCorrelationId());
        }
        LOG.infof("Recovery claim %s released as owed again: %d of %d cents released, %d still claimed, "
                + "%d recovered by offsets of which %d is paid back", claim.claimId, released, claim.amountCents,
                stillClaimed, recovered, excess);
    }

    /** What offsets have recovered for the claim and the debtor has not been paid back. */
    private static long recovered(RecoveryClaim claim) {
        return claim.amountCents - claim.releasedCents - claim.remainingCents;
    }

    private void cancel(RecoveryClaim claim, RecoveryClaimCancelledEvent e) {
        claim.status = RecoveryClaim.CANCELLED;
        claim.cancelledAt = clock.instant();
        claim.cancelledBy = e.getCancelledBy();
        claim.cancellationReason = e.getExplanation();
        claim.cancelledInCase = e.getCaseId();
    }

    /**
     * Offsets open claims against the payments just assigned to a file. Returns the payments paid in full by offsets
     * (they stay out of the file).
     */
    public int offsetFile(UUID runId, UUID fileId) {
        @SuppressWarnings("unchecked")
        List<String> debtors = entityManager.createNativeQuery("""
                select distinct p.recipient_id from payment p
                where p.file_id = ?1
                  and exists (select 1 from recovery_claim c where c.debtor_id = p.recipient_id and c.status = 'OPEN')
                """, String.class).setParameter(1, fileId).getResultList();
        int paidByOffset = 0;
        for (String debtor : debtors) {
            List<RecoveryClaim> claims = entityManager.createQuery(
                    "from RecoveryClaim where debtorId = ?1 and status = 'OPEN' order by receivedAt, claimId",
                    RecoveryClaim.class).setParameter(1, debtor).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            List<Payment> payments = entityManager.createQuery(
                    "from Payment where fileId = ?1 and recipientId = ?2 order by dueDate, paymentId", Payment.class)
                    .setParameter(1, fileId).setParameter(2, debtor).getResultList();
            for (Payment payment : payments) {
                for (RecoveryClaim claim : claims) {
                    long take = Math.min(payment.amountCents, claim.remainingCents);
                    if (take == 0) {
                        continue;
                    }
                    PaymentOffset offset = new PaymentOffset();
                    offset.paymentId = payment.paymentId;
                    offset.claimId = claim.claimId;
                    offset.amountCents = take;
                    offset.runId = runId;
                    offset.createdAt = clock.instant();
                    offset.persist();
                    payment.offsetCents += take;
                    payment.amountCents -= take;
                    claim.remainingCents -= take;
                    if (claim.remainingCents == 0) {
                        claim.status = RecoveryClaim.SETTLED;
                        claim.settledAt = clock.instant();
                    }
                }
                if (payment.amountCents == 0) {
                    payment.status = Payment.OFFSET;
                    payment.settledAt = clock.instant();
                    events.settled(payment, payment.settledAt);
                    paidByOffset++;
                }
            }
        }
        entityManager.flush();
        return paidByOffset;
    }

    @Transactional(TxType.SUPPORTS)
    public List<PaymentOffset> offsetsOf(UUID paymentId) {
        return PaymentOffset.list("paymentId", paymentId);
    }
}
