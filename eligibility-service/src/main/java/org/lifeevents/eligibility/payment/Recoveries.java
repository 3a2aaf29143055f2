package org.lifeevents.eligibility.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.eligibility.cases.Case;
import org.lifeevents.eligibility.cases.CaseOpener;
import org.lifeevents.eligibility.cases.CaseType;
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
 * MONEY_ALREADY_PAID case. The claims already sent are subtracted first, so repeating the check claims nothing twice.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Recoveries {

    private static final Logger LOG = Logger.getLogger(Recoveries.class);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseOpener cases;

    @Inject
    Clock clock;

    void onReconciled(@Observes EntitlementReconciled reconciled) {
        if (reconciled.previousStatus() != null) {
            reclaim(reconciled.entitlement(), reconciled.decision().decisionId, reconciled.trigger().description(),
                    "decision " + reconciled.decision().decisionId);
        }
    }

    /** Claims what was paid under the entitlement beyond what it now owes; returns the claims sent now. */
    public List<RecoveryClaim> reclaim(Entitlement entitlement, UUID decisionId, String why, String caseAbout) {
        // write the reconciler's pending changes first: an automatic flush for a query on other tables can lose the
        // dirty state of enhanced entities, and the entitlement must be stored as decided
        entityManager.flush();
        List<PaidPayment> paid = PaidPayment.paidUnder(entitlement.entitlementId);
        if (paid.isEmpty()) {
            return List.of();
        }
        Map<String, List<PaidPayment>> byMonthAndRecipient = new LinkedHashMap<>();
        paid.forEach(p -> byMonthAndRecipient.computeIfAbsent(p.periodStart + "/" + p.recipientId.trim(),
                k -> new ArrayList<>()).add(p));
        List<RecoveryClaim> claims = new ArrayList<>();
        Case opened = null;
        for (List<PaidPayment> payments : byMonthAndRecipient.values()) {
            PaidPayment first = payments.get(0);
            String recipient = first.recipientId.trim();
            long owed = owed(entitlement, first.periodStart, recipient);
            long paidSum = payments.stream().mapToLong(p -> p.amountCents).sum();
            long claimed = payments.stream().mapToLong(p -> RecoveryClaim.claimedOn(p.paymentId)).sum();
            long over = paidSum - claimed - owed;
            for (PaidPayment payment : payments) {
                if (over <= 0) {
                    break;
                }
                long take = Math.min(over, payment.amountCents - RecoveryClaim.claimedOn(payment.paymentId));
                if (take <= 0) {
                    continue;
                }
                if (opened == null) {
                    opened = cases.open(CaseOpener.Request.of(CaseType.MONEY_ALREADY_PAID,
                            entitlement.entitlementId + ":" + caseAbout, "Money already paid under the "
                                    + words(entitlement) + " is no longer owed (" + why + "); recovery claimed from "
                                    + recipient + ".")
                            .subject(recipient).household(entitlement.householdId)
                            .entitlement(entitlement.entitlementId, decisionId)
                            .correlation(entitlement.correlationId));
                }
                claims.add(claim(entitlement, payment, take, paidSum, owed, decisionId, why, opened));
                over -= take;
            }
        }
        return claims;
    }

    private RecoveryClaim claim(Entitlement entitlement, PaidPayment payment, long amount, long paidSum, long owed,
            UUID decisionId, String why, Case opened) {
        int sequence = (int) RecoveryClaim.countOn(payment.paymentId) + 1;
        RecoveryClaim claim = new RecoveryClaim();
        claim.claimId = UUID.nameUUIDFromBytes(("lifeevents:recovery:" + entitlement.entitlementId + ":"
                + payment.periodStart + ":" + payment.paymentId + ":" + sequence).getBytes(StandardCharsets.UTF_8));
        claim.paymentId = payment.paymentId;
        claim.sequence = sequence;
        claim.entitlementId = entitlement.entitlementId;
        claim.debtorId = payment.recipientId.trim();
        claim.periodStart = payment.periodStart;
        claim.periodEnd = payment.periodEnd;
        claim.amountCents = amount;
        claim.reason = reason(why);
        claim.decisionId = decisionId;
        claim.caseId = opened.caseId;
        claim.correlationId = payment.correlationId;
        claim.claimedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        claim.explanation = Cents.format(paidSum) + " was paid to " + claim.debtorId + " under the "
                + words(entitlement) + " for " + period(payment) + ", but after " + plain(claim.reason) + " only "
                + Cents.format(owed) + " is owed to them for it, so " + Cents.format(amount) + " is to be paid back. "
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
        LOG.infof("Recovery claim %s: %d cents from %s for %s under %s", claim.claimId, amount, claim.debtorId,
                payment.periodStart, entitlement.entitlementId);
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

    static String reason(String why) {
        if (why.startsWith("RegistrationRevokedEvent")) {
            return "REVOKED";
        }
        if (why.startsWith("DeathRegisteredEvent")) {
            return "RECIPIENT_DIED";
        }
        if (why.startsWith("RegistrationCorrectedEvent")) {
            return "CORRECTION";
        }
        if (why.startsWith("caseworker")) {
            return "CASEWORKER_DECISION";
        }
        return "NO_LONGER_OWED";
    }

    private static String plain(String reason) {
        return switch (reason) {
            case "REVOKED" -> "the registration was revoked (it was registered in error)";
            case "RECIPIENT_DIED" -> "the recipient's death was registered";
            case "CORRECTION" -> "a correction of the registration";
            case "CASEWORKER_DECISION" -> "a caseworker's decision";
            default -> "a change of the facts";
        };
    }

    private static String period(PaidPayment payment) {
        return payment.periodStart.equals(payment.periodEnd) ? payment.periodStart.toString()
                : payment.periodStart + " to " + payment.periodEnd;
    }

    private static String words(Entitlement entitlement) {
        return Benefit.valueOf(entitlement.benefit).words();
    }

}
