package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One use of my data, as the citizen sees it. */
@Schema(description = "One read of my data by a service", example = """
        {"accessId": "0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "accessedAt": "2026-03-02T08:16:05.120Z",
         "accessorService": "eligibility-service", "dataCategory": "TAX_INCOME", "purpose": "FAMILY_BENEFITS",
         "legalBasis": "CONSENT", "consentId": "3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c", "coveredByConsent": true,
         "decisionId": "PARENTAL_BENEFIT-62603020013", "details": "taxable income 2025",
         "recordedAt": "2026-03-02T08:16:05.410Z", "sequence": 7,
         "entryHash": "5f1c0a4e9d2b7c3a8e6f1d0b9c8a7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a09"}""")
public record DataAccessView(UUID accessId, Instant accessedAt, String accessorService, String dataCategory,
        String purpose, String legalBasis, UUID consentId,
        @Schema(description = "Whether the consent named allowed this use when it happened; null when the legal basis is not consent", nullable = true) Boolean coveredByConsent,
        String decisionId, String details, Instant recordedAt,
        @Schema(description = "Position in my chain of entries, from 1") long sequence,
        @Schema(description = "Hash that links this entry to the previous one") String entryHash) {

    static DataAccessView of(DataAccessEntry e) {
        return new DataAccessView(e.accessId, e.accessedAt, e.accessorService, e.dataCategory, e.purpose, e.legalBasis,
                e.consentId, e.coveredByConsent, e.decisionId, e.details, e.recordedAt, e.sequence, e.entryHash);
    }
}
