package org.lifeevents.eligibility.offer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One logged action of the citizen. */
public record ActionView(UUID actionId, String action, UUID entitlementId, String childId, String outcome,
        Map<String, Object> details, Instant actedAt, String correlationId) {

    static ActionView of(CitizenAction action) {
        return new ActionView(action.actionId, action.action, action.entitlementId, action.childId, action.outcome,
                action.details, action.actedAt, action.correlationId);
    }
}
