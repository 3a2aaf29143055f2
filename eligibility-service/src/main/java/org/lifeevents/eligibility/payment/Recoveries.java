package org.lifeevents.eligibility.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.lifeevents.eligibility.cases.CaseOpener;
import org.lifeevents.eligibility.cases.CaseType;
import org.lifeevents.eligibility.decision.Causes;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.EntitlementReconciled;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.eligibility.rules.Status;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;

/**
 * Claims back money already paid that is no longer owed: after every decision that changes or stops an entitlement,
 * and after every payment reported, each paid month is compared with what the entitlement now owes to the person
 * paid; the difference not yet claimed becomes a recovery claim through the outbox, explained, and a
 * MONEY_ALREADY_PAID case. A month is claimed at its gross (what was sent plus what was offset against older claims),
 * and the claim names the fact that made it no longer owed ({@link Causes}), whichever event started the check. The
 * claims already standing are subtracted first, so repeating the check claims nothing twice; claims beyond what is no
 * longer owed (the months are owed again) are cancelled, newest first.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Recoveries {

    private static final Logger LOG = Logger.getLogger(Recoveries.class);

    @Inject
    Outbox outbox;

    @Inject
    Causes causes;

    @Inject
    CaseOpener cases;

    @Inject
    Clock clock;

    void onReconciled(@Observes EntitlementReconciled reconciled) {
        if (reconciled.previousStatus() != null) {
            UUID decisionId = reconciled.decision().decisionId;
            release(reconciled.entitlement(), decisionId);
            reclaim(reconciled.entitlement(), decisionId, reconciled.trigger().description(), "decision " + decisionId);
        }
    }

    /** Claims what was paid under the entitlement beyond what it now owes; returns the claims sent now. */
    public List<RecoveryClaim> reclaim(Entitlement entitlement, UUID decisionId, String why, String caseAbout) {
        List<RecoveryClaim> claims = new ArrayList<>();
        Case opened = null;
        for (List<PaidPayment.Paid> payments : byMonthAndRecipient(entitlement)) {
            PaidPayment.Paid first = payments.get(0);
            String recipient = first.recipientId().trim();
            long owed = owed(entitlement, first.periodStart(), recipient);
            // the gross: money offset against an older claim was received as surely as money sent to the bank
            long paidSum = payments.stream().mapToLong(PaidPayment.Paid::grossCents).sum();
            long claimed = payments.stream().mapToLong(p -> RecoveryClaim.claimedOn(p.paymentId())).sum();
            long over = paidSum - claimed - owed;
            if (over <= 0) {
                continue;
            }
            Causes.Cause cause = causes.of(entitlement, recipient, first.periodStart());
            for (PaidPayment.Paid payment : payments) {
                if (over <= 0) {
                    break;
                }
                long take = Math.min(over, payment.grossCents() - RecoveryClaim.claimedOn(payment.paymentId()));
                if (take <= 0) {
                    continue;
                }
                if (opened == null) {
                    opened = cases.open(CaseOpener.Request.of(CaseType.MONEY_ALREADY_PAID,
                            entitlement.entitlementId + ":" + caseAbout, "Money already paid under the "
                                    + words(entitlement) + " is no longer owed (" + cause.words() + "; " + why
                                    + "); recovery claimed from " + recipient + ".")
                            .subject(recipient).household(entitlement.householdId)
                            .entitlement(entitlement.entitlementId, decisionId)
                            .correlation(entitlement.correlationId));
                }
                claims.add(claim(entitlement, payment, take, paidSum, owed, decisionId, cause, opened));
                over -= take;
            }
        }
        return claims;
    }

    /**
     * Cancels what the standing claims claim beyond what is no longer owed: months owed again (an entitlement
     * reinstated, a recipient's death revoked, a correction) are not to be recovered. The newest claims give way
     * first; each cancellation is announced, so what is still open of the claim is released and what was already
     * recovered of it is owed again.
     */
    void release(Entitlement entitlement, UUID decisionId) {
        for (List<PaidPayment.Paid> payments : byMonthAndRecipient(entitlement)) {
            PaidPayment.Paid first = payments.get(0);
            String recipient = first.recipientId().trim();
            long owed = owed(entitlement, first.periodStart(), recipient);
            long paidSum = payments.stream().mapToLong(PaidPayment.Paid::grossCents).sum();
            long claimed = payments.stream().mapToLong(p -> RecoveryClaim.claimedOn(p.paymentId())).sum();
            long excess = claimed - Math.max(0, paidSum - owed);
            for (PaidPayment.Paid payment : payments) {
                for (RecoveryClaim standing : RecoveryClaim.standingOn(payment.paymentId())) {
                    if (excess > 0) {
                        long release = Math.min(excess, standing.amountCents);
                        cancel(entitlement, standing, release, decisionId);
                        excess -= release;
                    }
                }
            }
        }
    }

    private void cancel(Entitlement entitlement, RecoveryClaim claim, long amount, UUID decisionId) {
        RecoveryClaimCancellation cancellation = new RecoveryClaimCancellation();
        cancellation.claimId = claim.claimId;
        cancellation.amountCents = amount;
        cancellation.cause = RecoveryClaimCancellation.REINSTATED;
        cancellation.decisionId = decisionId;
        cancellation.cancelledAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        cancellation.explanation = Cents.format(amount) + " of the claim on " + claim.debtorId + " for "
                + period(claim.periodStart, claim.periodEnd) + " under the " + words(entitlement)
                + " is cancelled: the period is owed to them again. "
                + (entitlement.citizenText == null ? "" : entitlement.citizenText);
        cancellation.persist();
        outbox.publish(Topics.ENTITLEMENTS, claim.entitlementId.toString(), cancellation.event(claim));
        LOG.infof("Recovery claim %s: %d cents cancelled (owed again) under %s", claim.claimId, amount,
                entitlement.entitlementId);
    }

    /** The payments under the entitlement, by month and person paid, oldest first. */
    private static Collection<List<PaidPayment.Paid>> byMonthAndRecipient(Entitlement entitlement) {
        Map<String, List<PaidPayment.Paid>> grouped = new LinkedHashMap<>();
        PaidPayment.paidUnder(entitlement.entitlementId).forEach(p -> grouped.computeIfAbsent(p.periodStart() + "/"
                + p.recipientId().trim(), k -> new ArrayList<>()).add(p));
        return grouped.values();
    }

    private RecoveryClaim claim(Entitlement entitlement, PaidPayment.Paid payment, long amount, long paidSum, long owed,
            UUID decisionId, Causes.Cause cause, Case opened) {
        int sequence = (int) RecoveryClaim.countOn(payment.paymentId()) + 1;
        RecoveryClaim claim = new RecoveryClaim();
        claim.claimId = UUID.nameUUIDFromBytes(("lifeevents:recovery:" + entitlement.entitlementId + ":"
                + payment.periodStart() + ":" + payment.paymentId() + ":" + sequence).getBytes(StandardCharsets.UTF_8));
        claim.paymentId = payment.paymentId();
        claim.sequence = sequence;
        claim.entitlementId = entitlement.entitlementId;
        claim.debtorId = payment.recipientId().trim();
        claim.periodStart = payment.periodStart();
        claim.periodEnd = payment.periodEnd();
        claim.amountCents = amount;
        claim.reason = cause.code();
        claim.decisionId = decisionId;
        claim.caseId = opened.caseId;
        claim.correlationId = payment.correlationId();
        claim.claimedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        claim.explanation = Cents.format(paidSum) + " was paid to " + claim.debtorId + " under the "
                + words(entitlement) + " for " + period(claim.periodStart, claim.periodEnd) + ", but after "
                + cause.words() + " only " + Cents.format(owed) + " is owed to them for it, so "
                + Cents.format(amount) + " is to be paid back. "
                + (entitlement.citizenText == null ? "" : entitlement.citizenText);
        claim.persist();
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), RecoveryClaimEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(claim.claimedAt)
                .setCorrelationId(claim.correlationId)
                .setClaimId(claim.claimId.toString())
                .setEntitlementId(claim.entitlementId.toString())
                .setDebtorId(claim.debtorId)
                .setPeriodStart(claim.periodStart)
                .setPeriodEnd(claim.periodEnd)
                .setAmountCents(claim.amountCents)
                .setReason(claim.reason)
                .setDecisionId(String.valueOf(decisionId))
                .setExplanation(claim.explanation)
                .build());
        LOG.infof("Recovery claim %s: %d cents from %s for %s under %s (%s)", claim.claimId, amount, claim.debtorId,
                payment.periodStart(), entitlement.entitlementId, claim.reason);
        return claim;
    }

    /** What the entitlement owes the person for the period starting on the day (0 when stopped or refused). */
    static long owed(Entitlement entitlement, LocalDate periodStart, String recipient) {
        Status status = Status.valueOf(entitlement.status);
        if (status == Status.STOPPED || status == Status.REFUSED || entitlement.periods == null) {
            return 0;
        }
        return entitlement.periods.stream()
                .filter(p -> recipient.equals(p.recipientId()) && !p.fromDate().isAfter(periodStart)
                        && !p.untilDate().isBefore(periodStart))
                .mapToLong(Period::amountCents).findFirst().orElse(0);
    }

    private static String period(LocalDate start, LocalDate end) {
        return start.equals(end) ? start.toString() : start + " to " + end;
    }

    private static String words(Entitlement entitlement) {
        return Benefit.valueOf(entitlement.benefit).words();
    }

}
