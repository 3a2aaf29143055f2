package org.lifeevents.registry.write;

/**
 * Who asks for a write and under which correlation id; passed explicitly because writes also come from backfill jobs,
 * outside any HTTP request.
 */
public record WriteContext(String correlationId, String recordedBy) {
}
