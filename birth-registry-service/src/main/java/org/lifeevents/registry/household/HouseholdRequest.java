package org.lifeevents.registry.household;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;
import org.lifeevents.registry.validation.Limits;

/** The whole state of a household as the population register loads it (initial load, moves, custody changes). */
@Schema(description = "The whole state of a household", example = """
        {"reason": "INITIAL_LOAD", "effectiveFrom": "2024-06-01",
         "address": {"street": "Pikk 12-3", "postalCode": "10123", "municipality": "Tallinn", "countryCode": "EE"},
         "members": [
           {"personId": "49403136515", "givenNames": "Kati", "familyName": "Tamm", "sex": "F", "birthDate": "1994-03-13",
            "memberSince": "2024-06-01", "spouseId": "39205202210"},
           {"personId": "39205202210", "givenNames": "Jaan", "familyName": "Tamm", "sex": "M", "birthDate": "1992-05-20",
            "memberSince": "2024-06-01", "spouseId": "49403136515"}]}""")
public record HouseholdRequest(
        @Valid Address address,
        @NotEmpty @Valid List<@NotNull Member> members,
        @NotBlank @Pattern(regexp = "INITIAL_LOAD|MOVE_IN|MOVE_OUT|CUSTODY|ADDRESS|CORRECTION") String reason,
        @Schema(format = "date", description = "From when this state holds; default today. Members not named leave the day before.") String effectiveFrom) {

    /** A residential address. */
    public record Address(@NotBlank @Size(max = Limits.PLACE) String street,
            @NotBlank @Size(max = Limits.POSTAL_CODE) String postalCode,
            @NotBlank @Size(max = Limits.PLACE) String municipality,
            @NotBlank @Size(min = 2, max = 2) String countryCode) {
    }

    /** One person of the household with the relations the register keeps. */
    public record Member(
            @NotNull @ValidPersonId String personId,
            @NotBlank @Size(max = Limits.NAME) String givenNames,
            @NotBlank @Size(max = Limits.NAME) String familyName,
            @NotBlank @Pattern(regexp = "[FMX]") String sex,
            @NotNull @Schema(format = "date") String birthDate,
            @Schema(format = "date", description = "Default: effectiveFrom") String memberSince,
            @ValidPersonId String spouseId,
            @Schema(description = "Legal parents; replaces the person's legal parents when given") List<@NotNull @ValidPersonId String> legalParentIds,
            @Schema(description = "Guardians; replaces the person's guardians when given") List<@NotNull @ValidPersonId String> guardianIds) {
    }
}
