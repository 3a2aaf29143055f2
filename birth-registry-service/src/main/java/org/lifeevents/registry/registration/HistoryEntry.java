package org.lifeevents.registry.registration;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One accepted write of a registration (its registration, each correction, its revocation), oldest first. */
public record HistoryEntry(int sequence, String kind, String number, Instant recordedAt, String recordedBy,
        String correlationId, JsonNode request, JsonNode answer) {
}
