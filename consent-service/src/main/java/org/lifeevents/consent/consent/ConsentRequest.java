package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as the citizen grants it; the subject is always the person logged in, never a field of the body. */
@Schema(description = "A consent to grant. The person is the one logged in. validFrom defaults to now; validUntil null means until revoked.", example = """
        {"purpose": "FAMILY_BENEFITS", "dataCategories": ["TAX_INCOME", "HOUSEHOLD"],
         "validFrom": "2026-03-01T00:00:00Z", "validUntil": "2027-03-01T00:00:00Z"}""")
public record ConsentRequest(
        @Schema(description = "What the data may be used for", enumeration = {
                "FAMILY_BENEFITS" }) @NotNull String purpose,
        @Schema(description = "Which of the person's data may be used", enumeration = { "TAX_INCOME",
                "HOUSEHOLD" }) @NotEmpty @Size(max = 10) List<@NotNull String> dataCategories,
        @Schema(description = "Start of validity; not in the past (a consent cannot cover earlier uses); default now") Instant validFrom,
        @Schema(description = "End of validity, exclusive; after validFrom; null for until revoked") Instant validUntil){
}
