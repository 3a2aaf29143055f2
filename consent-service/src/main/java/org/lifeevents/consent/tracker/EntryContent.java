package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;

/** What one data-access entry says: everything that is hashed, nothing that is derived from the hash. */
public record EntryContent(String subjectPersonId, long sequence, UUID accessId, String eventId, String accessorService,
        String dataCategory, String purpose, String legalBasis, UUID consentId, Boolean coveredByConsent,
        String decisionId, String details, String correlationId, Instant accessedAt, Instant recordedAt) {
}
