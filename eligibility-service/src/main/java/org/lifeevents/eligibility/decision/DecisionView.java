package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Period;

/** A stored decision as an auditor or caseworker reads it. */
public record DecisionView(UUID decisionId, UUID entitlementId, String entitlementKey, long version, String benefit,
        String outcome, String recipientId, List<Period> periods, List<Missing> missing, String changeReason,
        String trigger, String consentId, String legalReference, String ruleVersion, String parameterVersion,
        String citizenText, String correlationId, Instant decidedAt, String previousHash, String hash,
        Explanation explanation) {

    public static DecisionView of(Decision d) {
        return new DecisionView(d.decisionId, d.entitlementId, d.entitlementKey, d.version, d.benefit, d.outcome,
                d.recipientId, d.periods, d.missing, d.changeReason, d.trigger, d.consentId, d.legalReference,
                d.ruleVersion, d.parameterVersion, d.citizenText, d.correlationId, d.decidedAt, d.previousHash, d.hash,
                d.explanation);
    }

    /** The decisions of one entitlement and whether their hash chain is intact. */
    public record History(UUID entitlementId, boolean chainIntact, List<DecisionView> decisions) {
    }
}
