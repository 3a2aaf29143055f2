package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A consent as the citizen grants it; the subject is always the person logged in. */
public record ConsentRequest(
        @NotNull @Pattern(regexp = "FAMILY_BENEFITS") String purpose,
        @NotEmpty List<@NotNull @Pattern(regexp = "TAX_INCOME|HOUSEHOLD") String> dataCategories,
        Instant validFrom,
        Instant validUntil) {
}
