package org.lifeevents.registry.household;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lifeevents.common.identity.ValidPersonId;

/** The whole state of a household as the population register loads it (initial load, moves, custody changes). */
public record HouseholdRequest(
        @Valid Address address,
        @NotEmpty @Valid List<Member> members,
        @NotBlank @Pattern(regexp = "INITIAL_LOAD|MOVE_IN|MOVE_OUT|CUSTODY") String reason,
        LocalDate effectiveFrom) {

    public record Address(@NotBlank String street, @NotBlank String postalCode, @NotBlank String municipality,
            @NotBlank @Size(min = 2, max = 2) String countryCode) {
    }

    public record Member(
            @NotNull @ValidPersonId String personId,
            @NotBlank String givenNames,
            @NotBlank String familyName,
            @NotBlank @Pattern(regexp = "[FMX]") String sex,
            @NotNull @PastOrPresent LocalDate birthDate,
            @PastOrPresent LocalDate memberSince,
            @ValidPersonId String spouseId,
            List<@ValidPersonId String> legalParentIds,
            List<@ValidPersonId String> guardianIds) {
    }
}
