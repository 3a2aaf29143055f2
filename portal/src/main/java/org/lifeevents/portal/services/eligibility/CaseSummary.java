package org.lifeevents.portal.services.eligibility;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One case in the caseworkers' queue ({@code GET /cases}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSummary(String caseId, String caseType, String status, String subjectPersonId, String householdId,
        String entitlementId, String summary, Instant openedAt, Long ageDays, String assignee) {

    /** One page of the queue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<CaseSummary> items, long total, int page, int size) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
