package org.lifeevents.registry.household;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;

/** People moving into another household (or out of every household, leaving the country, when none is named). */
@Schema(description = "A move of one or more people", example = """
        {"changeNumber": "M-2026-000042", "personIds": ["49008010156", "61906110121"], "toHouseholdId": "H-2002",
         "address": {"street": "Tähe 4", "postalCode": "50103", "municipality": "Tartu", "countryCode": "EE"},
         "effectiveFrom": "2026-04-01"}""")
public record MoveRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "The registry's number for this change; writes are idempotent on it") String changeNumber,
        @NotEmpty List<@NotNull @ValidPersonId String> personIds,
        @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "Household moved into; absent when the people leave every household (emigration)") String toHouseholdId,
        @Valid @Schema(description = "The new household's address; required when the household is new") HouseholdRequest.Address address,
        @Schema(format = "date", description = "First day in the new household; default today") String effectiveFrom) {
}
