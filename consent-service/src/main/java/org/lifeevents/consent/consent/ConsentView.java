package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as its person sees it, with its status now. */
@Schema(description = "One of my consents", example = """
        {"consentId": "3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c", "purpose": "FAMILY_BENEFITS",
         "dataCategories": ["TAX_INCOME", "HOUSEHOLD"], "validFrom": "2026-03-01T09:00:00Z", "validUntil": null,
         "grantedAt": "2026-03-01T09:00:00Z", "revokedAt": null, "status": "ACTIVE",
         "receiptId": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e", "revocationReceiptId": null}""")
public record ConsentView(UUID consentId, String purpose, List<String> dataCategories, Instant validFrom,
        Instant validUntil, Instant grantedAt, Instant revokedAt,
        @Schema(enumeration = {
                "ACTIVE", "SCHEDULED", "EXPIRED", "REVOKED" }) ConsentStatus status,
        UUID receiptId, UUID revocationReceiptId){

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.consentId, c.purpose, c.dataCategories, c.validFrom, c.validUntil, c.grantedAt,
                c.revokedAt, c.statusAt(now), c.receiptId, c.revocationReceiptId);
    }
}
