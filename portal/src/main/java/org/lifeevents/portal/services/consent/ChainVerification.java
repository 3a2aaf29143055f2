package org.lifeevents.portal.services.consent;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The consent service's recomputation of the data-access chains. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChainVerification(boolean valid, Instant verifiedAt, String subjectPersonId, long chainsChecked,
        long entriesChecked, long brokenChains, BrokenEntry firstBroken) {

    /** Where, and how, a chain breaks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BrokenEntry(Long entryId, String subjectPersonId, Long sequence, UUID accessId, String problem,
            String detail) {
    }
}
