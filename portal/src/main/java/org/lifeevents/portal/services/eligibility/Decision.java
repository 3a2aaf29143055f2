package org.lifeevents.portal.services.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A stored decision as an auditor reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(UUID decisionId, UUID entitlementId, Long version, String benefit, String outcome,
        String recipientId, String changeReason, String trigger, String consentId, String legalReference,
        String ruleVersion, String parameterVersion, String citizenText, String correlationId, Instant decidedAt,
        String hash, Explanation explanation) {

    /** One page of decisions ({@code GET /audit/decisions}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Decision> items, long total, int page, int size) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }

    /** Every decision of one entitlement and whether their hash chain is intact. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(UUID entitlementId, boolean chainIntact, List<Decision> decisions) {
        public History {
            decisions = decisions == null ? List.of() : decisions;
        }
    }
}
