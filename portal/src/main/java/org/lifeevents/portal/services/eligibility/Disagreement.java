package org.lifeevents.portal.services.eligibility;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The case a citizen's disagreement opened. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Disagreement(String caseId) {

    /** What the citizen disagrees with, and why. */
    public record Request(UUID entitlementId, String reason) {
    }
}
