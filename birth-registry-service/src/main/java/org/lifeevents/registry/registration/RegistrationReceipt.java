package org.lifeevents.registry.registration;

import java.time.Instant;

/** What the registry gets back for a registration; the same answer for a repeated identical request. */
public record RegistrationReceipt(String registrationNumber, String kind, String subjectPersonId, String householdId,
        String correlationId, Instant registeredAt) {
}
