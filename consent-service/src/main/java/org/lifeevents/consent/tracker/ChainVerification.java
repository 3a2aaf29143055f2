package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of recomputing the data-access chains. */
@Schema(description = "Result of verifying the data-access chains", example = """
        {"valid": false, "verifiedAt": "2026-03-02T10:00:00Z", "subjectPersonId": null, "chainsChecked": 1204,
         "entriesChecked": 18775, "brokenChains": 1,
         "firstBroken": {"entryId": 4711, "subjectPersonId": "49403136515", "sequence": 3,
                         "accessId": "0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "problem": "CONTENT_ALTERED",
                         "detail": "the entry's content no longer matches the hash recorded with it"}}""")
public record ChainVerification(boolean valid, Instant verifiedAt,
        @Schema(description = "The one chain verified; null when all were", nullable = true) String subjectPersonId,
        long chainsChecked, long entriesChecked, long brokenChains,
        @Schema(description = "The earliest recorded entry where a chain breaks; null when all are intact", nullable = true) BrokenEntry firstBroken) {

    /** Where, and how, a chain breaks. */
    public record BrokenEntry(
            @Schema(description = "The entry, or null when entries at the end of the chain are missing", nullable = true) Long entryId,
            String subjectPersonId, Long sequence, UUID accessId,
            @Schema(enumeration = {
                    "CONTENT_ALTERED", "ENTRY_HASH_ALTERED", "SEQUENCE_GAP", "LINK_BROKEN",
                    "HEAD_MISMATCH" }) String problem,
            String detail){
    }
}
