package org.lifeevents.portal.services.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One use of the citizen's data, as the data tracker lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataAccess(UUID accessId, Instant accessedAt, String accessorService, String dataCategory, String purpose,
        String legalBasis, UUID consentId, Boolean coveredByConsent, String decisionId, String details,
        Instant recordedAt, long sequence) {

    /** One page of the tracker, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<DataAccess> items, int page, int size, long totalItems, int totalPages) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
