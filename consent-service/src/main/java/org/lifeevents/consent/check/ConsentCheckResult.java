package org.lifeevents.consent.check;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the consent check: a use is allowed under one consent, or refused with the reason. */
@Schema(oneOf = { ConsentCheckResult.Allowed.class, ConsentCheckResult.Refused.class })
public sealed interface ConsentCheckResult {

    boolean allowed();

    /** Why a use is refused. */
    enum Reason {
        /** The person never consented to this purpose and category, or the consent has not started yet. */
        NO_CONSENT,
        /** The consent that covered it was revoked. */
        REVOKED,
        /** The consent that covered it expired. */
        EXPIRED
    }

    /** Allowed under the consent named; record its id with the use. */
    @Schema(name = "ConsentCheckAllowed", example = """
            {"allowed": true, "consentId": "3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c", "validUntil": "2027-03-01T00:00:00Z"}""")
    record Allowed(@Schema(enumeration = "true") boolean allowed, UUID consentId,
            @Schema(description = "End of the consent's validity (exclusive); null for until revoked", nullable = true) Instant validUntil)
            implements
                ConsentCheckResult {

        public Allowed(UUID consentId, Instant validUntil) {
            this(true, consentId, validUntil);
        }
    }

    /** Refused: no data in the category may be used for the purpose. */
    @Schema(name = "ConsentCheckRefused", example = """
            {"allowed": false, "reason": "REVOKED"}""")
    record Refused(@Schema(enumeration = "false") boolean allowed, Reason reason) implements ConsentCheckResult {

        public Refused(Reason reason) {
            this(false, reason);
        }
    }
}
