package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.EntitlementReconciled;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Status;

/**
 * Closes a case by itself when what it waited for arrives: the income or the parent in the register a decision missed,
 * a recipient for a child, the person an event named, a payout account, a household that no longer claims a child
 * another one holds. The resolution is {@value #DATA_ARRIVED}, by the service, with what arrived as its reason: logged,
 * kept as the case's last action, and announced like a caseworker's resolution.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CaseCloser {

    private static final Logger LOG = Logger.getLogger(CaseCloser.class);
    public static final String DATA_ARRIVED = "DATA_ARRIVED";

    /** Cases about one entitlement that its next decision may show settled by data. */
    private static final Set<String> SETTLED_BY_A_DECISION = Set.of(CaseType.UNKNOWN_PERSON.name(),
            CaseType.INCOME_MISSING.name(), CaseType.PENDING_TIMEOUT.name(), CaseType.MINORS_WITHOUT_PARENT.name(),
            CaseType.UNDECIDABLE.name());

    @Inject
    EntityManager entityManager;

    @Inject
    CaseEvents events;

    @Inject
    Event<CaseResolved> resolved;

    @Inject
    Clock clock;

    void onReconciled(@Observes EntitlementReconciled reconciled) {
        // a new entitlement has no case yet
        if (reconciled.previousStatus() == null) {
            return;
        }
        Entitlement e = reconciled.entitlement();
        List<Case> open = entityManager.createQuery("from Case where entitlementId = ?1 and status <> 'RESOLVED' "
                + "and caseType in ?2", Case.class).setParameter(1, e.entitlementId)
                .setParameter(2, SETTLED_BY_A_DECISION).getResultList();
        for (Case c : open) {
            String arrived = arrived(c.type(), e);
            if (arrived != null) {
                close(c, arrived + " (" + reconciled.trigger().description() + ")");
            }
        }
    }

    /** What the entitlement's decision now has that the case waited for; null while it still waits. */
    static String arrived(CaseType type, Entitlement e) {
        List<String> missing = e.missingCodes();
        boolean decided = !Status.PENDING.name().equals(e.status);
        return switch (type) {
            case UNKNOWN_PERSON -> missing.contains(Missing.RESIDENT_PARENT) ? null
                    : "The parent is now known to the population register; the decision is " + e.status + ".";
            case INCOME_MISSING -> missing.contains(Missing.TAX_INCOME) ? null
                    : "The income the decision needed arrived; the decision is " + e.status + ".";
            case MINORS_WITHOUT_PARENT, UNDECIDABLE -> missing.contains(Missing.RECIPIENT) ? null
                    : "A recipient is now known; the decision is " + e.status + ".";
            case PENDING_TIMEOUT -> decided ? "The data the decision waited for arrived; the decision is " + e.status
                    + "." : null;
            default -> null;
        };
    }

    /** Closes the open cases with these keys, in one query however many keys; returns how many it closed. */
    public int closeKeys(Collection<String> keys, String why) {
        if (keys.isEmpty()) {
            return 0;
        }
        List<Case> open = entityManager.createQuery("from Case where caseKey in ?1 and status <> 'RESOLVED'",
                Case.class).setParameter(1, keys).getResultList();
        open.forEach(c -> close(c, why));
        return open.size();
    }

    /** Resolves the open case as settled by data: the resolution, an audit entry, the event, the log line. */
    public void close(Case c, String why) {
        // a caseworker may be resolving it at the same moment: the one who waits sees it resolved
        entityManager.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        if (c.resolved()) {
            return;
        }
        c.status = CaseStatus.RESOLVED.name();
        c.resolution = DATA_ARRIVED;
        c.resolvedBy = CaseOpener.SYSTEM;
        c.resolvedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CaseAction action = new CaseAction();
        action.actionId = UUID.randomUUID();
        action.caseId = c.caseId;
        action.at = c.resolvedAt;
        action.actor = CaseOpener.SYSTEM;
        action.action = CaseAction.CLOSED_BY_DATA;
        action.reason = why;
        action.persist();
        events.resolved(c, why, null);
        resolved.fire(new CaseResolved(c, CaseOpener.SYSTEM, why));
        LOG.infof("Case %s (%s) closed by itself: %s", c.caseId, c.caseType, why);
    }
}
