package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.money.Cents;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.eligibility.EligibilityConfig;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Status;

import io.quarkus.panache.common.Parameters;

/**
 * The caseworkers' queue and what they do with a case: assign, approve, reject, override (above the four-eyes limit
 * only with a second caseworker). On a case about a decision, approving grants what the rules computed, rejecting
 * refuses it, and an override pays another amount; each is kept as a {@link CaseworkerDecision} and applied by
 * deciding the household again, so the change is an explained decision and an entitlement event like any other.
 * Every action is logged; a resolution is announced (and fired in-process: rejecting a MONEY_ALREADY_PAID case
 * cancels its recovery claims).
 */
@ApplicationScoped
@Transactional
public class CaseService {

    static final String RESOLUTION_APPROVED = "APPROVED";
    static final String RESOLUTION_REJECTED = "REJECTED";
    static final String RESOLUTION_OVERRIDDEN = "OVERRIDDEN";

    @Inject
    CaseEvents events;

    @Inject
    HouseholdDecisions decisions;

    @Inject
    EligibilityConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<CaseResolved> resolved;

    @Transactional(TxType.SUPPORTS)
    public CaseViews.Page<CaseViews.Summary> queue(CaseStatus status, CaseType type, String assignee,
            Integer minAgeDays, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status.name());
        }
        if (type != null) {
            where.append(" and caseType = :type");
            parameters.and("type", type.name());
        }
        if (assignee != null && !assignee.isBlank()) {
            where.append(" and assignee = :assignee");
            parameters.and("assignee", assignee);
        }
        Instant now = clock.instant();
        if (minAgeDays != null) {
            where.append(" and openedAt <= :openedBefore");
            parameters.and("openedBefore", now.minus(Duration.ofDays(minAgeDays)));
        }
        var query = Case.<Case> find(where + " order by openedAt, caseId", parameters);
        long total = query.count();
        List<CaseViews.Summary> items = query.page(page, size).list().stream().map(c -> summary(c, now)).toList();
        return new CaseViews.Page<>(items, total, page, size);
    }

    @Transactional(TxType.SUPPORTS)
    public CaseViews.Detail detail(UUID caseId) {
        Case c = find(caseId);
        Entitlement entitlement = c.entitlementId == null ? null : Entitlement.findById(c.entitlementId);
        UUID decisionId = c.decisionId != null ? c.decisionId : entitlement == null ? null : entitlement.decisionId;
        Decision decision = decisionId == null ? null : Decision.findById(decisionId);
        Explanation explanation = decision == null ? null : decision.explanation;
        List<CaseViews.Input> inputs = explanation == null || explanation.inputs() == null ? List.of()
                : explanation.inputs().stream().map(i -> new CaseViews.Input(i.name(), i.value(), i.source(),
                        i.observedAt())).toList();
        List<CaseViews.Action> actions = CaseAction.ofCase(caseId).stream()
                .map(a -> new CaseViews.Action(a.at, a.actor, a.action, a.reason, a.amountCents)).toList();
        return new CaseViews.Detail(c.caseId, c.caseType, c.status, c.subjectPersonId, c.householdId, c.entitlementId,
                decisionId, c.summary, c.openedAt, ageDays(c, clock.instant()), c.assignee, c.correlationId,
                entitlement == null ? null : entitlement.status, entitlement == null ? null : entitlement.benefit,
                c.resolution, c.resolvedBy, c.secondApprover, c.resolvedAt, c.proposedBy, c.proposedAmountCents,
                explanation, inputs, actions);
    }

    public CaseViews.Detail assign(UUID caseId, String actor, String assignee) {
        Case c = open(caseId);
        String who = assignee == null || assignee.isBlank() ? actor : assignee.trim();
        c.assignee = who;
        if (CaseStatus.OPEN.name().equals(c.status)) {
            c.status = CaseStatus.ASSIGNED.name();
        }
        log(c, actor, CaseAction.ASSIGNED, "assigned to " + who, null);
        return detail(caseId);
    }

    public CaseViews.Detail approve(UUID caseId, String actor, String reason) {
        Case c = notAwaiting(open(caseId));
        Entitlement entitlement = decidable(c);
        log(c, actor, CaseAction.APPROVED, reason, null);
        if (entitlement != null) {
            decide(c, entitlement, CaseworkerDecision.GRANT, null, reason, actor, null);
        }
        resolve(c, RESOLUTION_APPROVED, actor, null, reason, null);
        return detail(caseId);
    }

    public CaseViews.Detail reject(UUID caseId, String actor, String reason) {
        Case c = notAwaiting(open(caseId));
        Entitlement entitlement = decidable(c);
        log(c, actor, CaseAction.REJECTED, reason, null);
        if (entitlement != null) {
            decide(c, entitlement, CaseworkerDecision.REFUSE, null, reason, actor, null);
        }
        resolve(c, RESOLUTION_REJECTED, actor, null, reason, null);
        return detail(caseId);
    }

    public CaseViews.Detail override(UUID caseId, String actor, String reason, long amountCents) {
        Case c = notAwaiting(open(caseId));
        Entitlement entitlement = decidable(c);
        if (entitlement == null || entitlement.periods == null || entitlement.periods.isEmpty()) {
            throw ProblemException.conflict("override_not_applicable", "Only the amount of an entitlement with "
                    + "periods to pay can be overridden, on a case about its decision (this is a " + c.caseType
                    + " case" + (entitlement == null ? "" : " about an entitlement that is " + entitlement.status)
                    + ").");
        }
        if (amountCents > config.cases().fourEyesAboveCents()) {
            c.status = CaseStatus.AWAITING_SECOND_APPROVAL.name();
            c.proposedBy = actor;
            c.proposedReason = reason;
            c.proposedAmountCents = amountCents;
            log(c, actor, CaseAction.OVERRIDE_PROPOSED, reason, amountCents);
            return detail(caseId);
        }
        log(c, actor, CaseAction.OVERRIDDEN, reason, amountCents);
        decide(c, entitlement, CaseworkerDecision.AMOUNT, amountCents, reason, actor, null);
        resolve(c, RESOLUTION_OVERRIDDEN, actor, null, reason, amountCents);
        return detail(caseId);
    }

    public CaseViews.Detail secondApproval(UUID caseId, String actor, String reason) {
        Case c = open(caseId);
        if (!CaseStatus.AWAITING_SECOND_APPROVAL.name().equals(c.status)) {
            throw ProblemException.conflict("no_override_awaiting_approval", "Case " + caseId
                    + " has no override waiting for a second caseworker.");
        }
        if (actor.equals(c.proposedBy)) {
            throw ProblemException.conflict("second_approver_must_differ", "The override of "
                    + Cents.format(c.proposedAmountCents) + " was proposed by " + actor
                    + "; a different caseworker must approve it.");
        }
        Entitlement entitlement = decidable(c);
        log(c, actor, CaseAction.SECOND_APPROVAL, reason, c.proposedAmountCents);
        if (entitlement != null) {
            decide(c, entitlement, CaseworkerDecision.AMOUNT, c.proposedAmountCents, c.proposedReason, c.proposedBy,
                    actor);
        }
        resolve(c, RESOLUTION_OVERRIDDEN, c.proposedBy, actor, c.proposedReason + " (second approval: " + reason + ")",
                c.proposedAmountCents);
        return detail(caseId);
    }

    private void decide(Case c, Entitlement entitlement, String kind, Long amountCents, String reason, String by,
            String secondApprover) {
        CaseworkerDecision decision = CaseworkerDecision.findById(entitlement.entitlementKey);
        boolean known = decision != null;
        if (!known) {
            decision = new CaseworkerDecision();
            decision.entitlementKey = entitlement.entitlementKey;
        }
        decision.entitlementId = entitlement.entitlementId;
        decision.kind = kind;
        decision.amountCents = amountCents;
        decision.reason = reason;
        decision.caseId = c.caseId;
        decision.decidedBy = by;
        decision.secondApprover = secondApprover;
        decision.decidedAt = now();
        if (!known) {
            decision.persist();
        }
        decisions.evaluate(entitlement.scope, new Trigger("caseworker decision in case " + c.caseId + " by " + by
                + (secondApprover == null ? "" : " and " + secondApprover) + ": " + kind, CorrelationId.current()));
    }

    private void resolve(Case c, String resolution, String by, String secondApprover, String reason, Long amount) {
        c.status = CaseStatus.RESOLVED.name();
        c.resolution = resolution;
        c.resolvedBy = by;
        c.secondApprover = secondApprover;
        c.resolvedAt = now();
        events.resolved(c, reason, amount);
        resolved.fire(new CaseResolved(c, by, reason));
    }

    private void log(Case c, String actor, String action, String reason, Long amountCents) {
        CaseAction a = new CaseAction();
        a.actionId = UUID.randomUUID();
        a.caseId = c.caseId;
        a.at = now();
        a.actor = actor;
        a.action = action;
        a.reason = reason;
        a.amountCents = amountCents;
        a.persist();
    }

    /** The entitlement a caseworker decision acts on: only on a case about a decision, never on a stopped one. */
    private static Entitlement decidable(Case c) {
        if (!c.type().aboutADecision() || c.entitlementId == null) {
            return null;
        }
        Entitlement entitlement = Entitlement.findById(c.entitlementId);
        return entitlement == null || Status.STOPPED.name().equals(entitlement.status) ? null : entitlement;
    }

    private Case open(UUID caseId) {
        Case c = Case.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw notFound(caseId);
        }
        if (c.resolved()) {
            throw ProblemException.conflict("case_resolved", "Case " + caseId + " was resolved (" + c.resolution
                    + " by " + c.resolvedBy + ").");
        }
        return c;
    }

    private static Case notAwaiting(Case c) {
        if (CaseStatus.AWAITING_SECOND_APPROVAL.name().equals(c.status)) {
            throw ProblemException.conflict("awaiting_second_approval", "An override of "
                    + Cents.format(c.proposedAmountCents) + " by " + c.proposedBy
                    + " waits for a second caseworker's approval.");
        }
        return c;
    }

    private static Case find(UUID caseId) {
        Case c = Case.findById(caseId);
        if (c == null) {
            throw notFound(caseId);
        }
        return c;
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("case_not_found", "There is no case " + caseId + ".");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static CaseViews.Summary summary(Case c, Instant now) {
        return new CaseViews.Summary(c.caseId, c.caseType, c.status, c.subjectPersonId, c.householdId,
                c.entitlementId, c.summary, c.openedAt, ageDays(c, now), c.assignee);
    }

    private static long ageDays(Case c, Instant now) {
        return Math.max(0, Duration.between(c.openedAt, now).toDays());
    }
}
