package org.lifeevents.eligibility.decision;

/**
 * Fired (synchronously, in the reconciling transaction) after the reconciler wrote a decision: observers open the
 * cases and recovery claims the new state calls for.
 *
 * @param previousStatus the status before this decision; null for a new entitlement
 */
public record EntitlementReconciled(Entitlement entitlement, Decision decision, String previousStatus,
        Trigger trigger) {
}
