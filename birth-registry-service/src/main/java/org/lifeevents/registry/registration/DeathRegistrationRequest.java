package org.lifeevents.registry.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;
import org.lifeevents.registry.validation.Limits;

/** A death as the civil registry registers it. */
@Schema(description = "A death registration", example = """
        {"registrationNumber": "D-2026-000045", "personId": "35809090199", "dateOfDeath": "2026-03-20",
         "placeOfDeath": "Haapsalu"}""")
public record DeathRegistrationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "The registry's own number; writes are idempotent on it") String registrationNumber,
        @NotNull @ValidPersonId String personId,
        @NotNull @Schema(format = "date", example = "2026-03-20") String dateOfDeath,
        @NotBlank @Size(max = Limits.PLACE) String placeOfDeath) {
}
