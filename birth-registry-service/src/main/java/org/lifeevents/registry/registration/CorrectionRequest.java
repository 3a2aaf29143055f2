package org.lifeevents.registry.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.registry.validation.Limits;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A correction of a registration: the fields that change with their new values (null clears an optional field), the
 * reason, and when it takes effect.
 */
@Schema(description = "A correction", example = """
        {"correctionNumber": "C-2026-000311", "reason": "formal_correction", "effectiveFrom": "2026-05-04",
         "correctedBy": "official 4711 (Tallinn registry office)", "changes": {"fatherId": "39205202210"}}""")
public record CorrectionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "The registry's number for this correction; writes are idempotent on it") String correctionNumber,
        @NotBlank @Pattern(regexp = "formal_correction|quality_assurance|typographical") String reason,
        @Schema(format = "date", description = "When the correction takes effect. typographical and quality_assurance: always the original event date (the earlier of before and after), so leave it out; formal_correction: default the correction's date") String effectiveFrom,
        @NotBlank @Size(max = Limits.NAME) @Schema(description = "The official or system that made the correction") String correctedBy,
        @NotNull @Schema(description = "Changed fields of the registration with their new values, as in the registration request: for a birth givenNames, familyName, sex, birthDate, birthTime, placeOfBirth, motherId, fatherId, mother, father, childrenInBirth, birthOrder; for a death dateOfDeath, placeOfDeath") ObjectNode changes) {
}
