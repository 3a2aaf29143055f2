package org.lifeevents.registry.household;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;

/** Who is legally responsible for a person from now on: legal parents (adoption) and guardians. */
@Schema(description = "A custody change", example = """
        {"changeNumber": "G-2026-000007", "childId": "52202170330", "guardianIds": ["46004040086"],
         "effectiveFrom": "2026-04-15"}""")
public record CustodyRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "The registry's number for this change; writes are idempotent on it") String changeNumber,
        @NotNull @ValidPersonId String childId,
        @Schema(description = "Replaces the legal parents when given (adoption)") List<@NotNull @ValidPersonId String> legalParentIds,
        @Schema(description = "Replaces the guardians when given; an empty list ends every guardianship") List<@NotNull @ValidPersonId String> guardianIds,
        @Schema(format = "date", description = "Default today") String effectiveFrom) {
}
