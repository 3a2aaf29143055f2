package org.lifeevents.registry.registration;

import java.time.Instant;

/** The answer to a revocation; the same answer for a repeated identical request. */
public record RevocationReceipt(String registrationNumber, String kind, String subjectPersonId, String reason,
        String revokedBy, String correlationId, Instant revokedAt) {
}
