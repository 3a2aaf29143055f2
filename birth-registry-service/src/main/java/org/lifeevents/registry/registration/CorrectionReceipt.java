package org.lifeevents.registry.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer to a correction; the same answer for a repeated identical request. */
public record CorrectionReceipt(String correctionNumber, String registrationNumber, String kind, String subjectPersonId,
        String reason, LocalDate effectiveFrom, List<Change> changes, String correlationId, Instant correctedAt) {

    /** One changed field, with its value before and after as text. */
    public record Change(String field, String previousValue, String newValue) {
    }
}
