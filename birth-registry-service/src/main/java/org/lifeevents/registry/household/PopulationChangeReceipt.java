package org.lifeevents.registry.household;

import java.time.Instant;
import java.util.List;

/** The answer to a move or custody change; the same answer for a repeated identical request. */
public record PopulationChangeReceipt(String changeNumber, String kind, List<String> personIds,
        List<HouseholdVersion> households, String correlationId, Instant recordedAt) {

    /** A household the change published, and its version now. */
    public record HouseholdVersion(String householdId, long version) {
    }
}
