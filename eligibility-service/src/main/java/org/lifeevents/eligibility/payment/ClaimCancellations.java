package org.lifeevents.eligibility.payment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.eligibility.cases.Case;
import org.lifeevents.eligibility.cases.CaseAction;
import org.lifeevents.eligibility.cases.CaseResolved;
import org.lifeevents.eligibility.cases.CaseType;
import org.lifeevents.events.Topics;

/**
 * A caseworker who rejects a MONEY_ALREADY_PAID case decides the money is not to be recovered: each claim of the case
 * is cancelled here, once, and the cancellation goes to the payment service through the outbox (on the claim's key, so
 * it follows the claim), which then offsets nothing more. The claim still counts as claimed, so the same money is never
 * claimed again; an audit entry on the case names each claim.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ClaimCancellations {

    private static final Logger LOG = Logger.getLogger(ClaimCancellations.class);

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    void onResolved(@Observes CaseResolved resolved) {
        Case c = resolved.resolved();
        if (c.type() != CaseType.MONEY_ALREADY_PAID || !"REJECTED".equals(c.resolution)) {
            return;
        }
        List<RecoveryClaim> claims = RecoveryClaim.list("caseId = ?1 and claimId not in "
                + "(select x.claimId from RecoveryClaimCancellation x) order by claimedAt, claimId", c.caseId);
        for (RecoveryClaim claim : claims) {
            cancel(claim, c, resolved.actor(), resolved.reason());
        }
    }

    private void cancel(RecoveryClaim claim, Case c, String actor, String reason) {
        RecoveryClaimCancellation cancellation = new RecoveryClaimCancellation();
        cancellation.claimId = claim.claimId;
        cancellation.caseId = c.caseId;
        cancellation.cause = RecoveryClaimCancellation.WAIVED;
        cancellation.amountCents = claim.amountCents;
        cancellation.explanation = reason;
        cancellation.cancelledBy = actor;
        cancellation.cancelledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        cancellation.persist();
        CaseAction action = new CaseAction();
        action.actionId = UUID.randomUUID();
        action.caseId = c.caseId;
        action.at = cancellation.cancelledAt;
        action.actor = actor;
        action.action = CaseAction.CLAIM_CANCELLED;
        action.reason = "Recovery claim " + claim.claimId + " of " + Cents.format(claim.amountCents) + " from "
                + claim.debtorId + " for " + claim.periodStart + " cancelled: " + reason
                + " (what was already offset against payments stays recovered).";
        action.amountCents = claim.amountCents;
        action.persist();
        outbox.publish(Topics.ENTITLEMENTS, claim.entitlementId.toString(), cancellation.event(claim));
        LOG.infof("Recovery claim %s (%d cents from %s) cancelled in case %s by %s", claim.claimId,
                claim.amountCents, claim.debtorId, c.caseId, actor);
    }
}
