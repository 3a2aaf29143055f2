package org.lifeevents.registry.registration;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;

/** A birth as the civil registry registers it. */
@Schema(description = "A birth registration", example = """
        {"registrationNumber": "B-2026-000123", "childId": "62603020013", "givenNames": "Mari", "familyName": "Tamm",
         "sex": "F", "birthDate": "2026-03-02", "birthTime": "08:15", "placeOfBirth": "Tallinn, West Tallinn Central Hospital",
         "motherId": "49403136515", "fatherId": "39205202210", "childrenInBirth": 1, "birthOrder": 1}""")
public record BirthRegistrationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String registrationNumber,
        @NotNull @ValidPersonId String childId,
        @NotBlank String givenNames,
        @NotBlank String familyName,
        @NotBlank @Pattern(regexp = "[FMX]") String sex,
        @NotNull @PastOrPresent LocalDate birthDate,
        LocalTime birthTime,
        @NotBlank String placeOfBirth,
        @ValidPersonId String motherId,
        @ValidPersonId String fatherId,
        @NotNull @Min(1) @Max(12) Integer childrenInBirth,
        @NotNull @Min(1) @Max(12) Integer birthOrder) {
}
