package org.lifeevents.eligibility.offer;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.correlation.CorrelationId;

/**
 * Logs what citizens do. A completed action is logged with its effects; a refused one in a transaction of its own, so
 * the refusal is on record although nothing else changes.
 */
@ApplicationScoped
public class CitizenActions {

    public static final String CONFIRM = "CONFIRM";
    public static final String HAND_OVER = "HAND_OVER_MONTHLY_RECIPIENT";

    @Inject
    Clock clock;

    @Transactional(TxType.MANDATORY)
    public void done(String personId, String actor, String action, UUID entitlementId, String childId, String outcome,
            Map<String, Object> details) {
        persist(personId, actor, action, entitlementId, childId, outcome, details);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void refused(String personId, String actor, String action, UUID entitlementId, String childId, String code,
            Map<String, Object> details) {
        persist(personId, actor, action, entitlementId, childId, "REFUSED: " + code, details);
    }

    private void persist(String personId, String actor, String action, UUID entitlementId, String childId,
            String outcome, Map<String, Object> details) {
        CitizenAction logged = new CitizenAction();
        logged.actionId = UUID.randomUUID();
        logged.personId = personId;
        logged.actor = actor;
        logged.action = action;
        logged.entitlementId = entitlementId;
        logged.childId = childId;
        logged.outcome = outcome;
        logged.details = details;
        logged.correlationId = CorrelationId.current();
        logged.actedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        logged.persist();
    }
}
