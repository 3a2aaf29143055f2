package org.lifeevents.registry.registration;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/** A registration as it stands: its current (corrected) record and status. */
public record RegistrationView(String registrationNumber, String kind, String status, String subjectPersonId,
        LocalDate eventDate, String householdId, JsonNode record, String correlationId, Instant registeredAt,
        Instant updatedAt, Instant revokedAt, String revocationReason) {
}
