package org.lifeevents.portal.services.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One of the citizen's consents with its status now. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Consent(UUID consentId, String purpose, List<String> dataCategories, Instant validFrom,
        Instant validUntil, Instant grantedAt, Instant revokedAt, String status, UUID receiptId,
        UUID revocationReceiptId) {

    public Consent {
        dataCategories = dataCategories == null ? List.of() : dataCategories;
    }

    public boolean inForceOrScheduled() {
        return "ACTIVE".equals(status) || "SCHEDULED".equals(status);
    }

    /** A consent to grant; the person is always the one signed in. */
    public record Request(String purpose, List<String> dataCategories, Instant validFrom, Instant validUntil) {
    }
}
