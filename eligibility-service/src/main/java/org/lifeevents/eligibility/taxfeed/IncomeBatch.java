package org.lifeevents.eligibility.taxfeed;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;

/** Assessed incomes from the tax authority, one or many per request; all are accepted or none. */
@Schema(description = "Assessed taxable incomes", example = """
        {"assessments": [{"assessmentId": "EMTA-2025-49403136515", "personId": "49403136515", "taxYear": 2025,
          "taxableIncomeCents": 4200000, "assessedAt": "2026-03-31T09:00:00Z"}]}""")
public record IncomeBatch(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Assessment> assessments) {

    /** One person's assessed taxable income of one calendar year, in euro cents (0 for no income). */
    public record Assessment(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String assessmentId,
            @NotNull @ValidPersonId String personId,
            @NotNull @Min(1990) @Max(2999) Integer taxYear,
            @NotNull @PositiveOrZero Long taxableIncomeCents,
            @PastOrPresent Instant assessedAt) {
    }
}
