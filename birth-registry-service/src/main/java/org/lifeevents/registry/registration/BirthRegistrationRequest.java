package org.lifeevents.registry.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.common.identity.ValidPersonId;
import org.lifeevents.registry.validation.Limits;

/**
 * A birth as the civil registry registers it. A parent of the population register is named by id
 * ({@code motherId}); a parent who is not in it (a foreign parent, say) is named with {@code mother} and marked
 * {@code notInPopulationRegister: true}.
 */
@Schema(description = "A birth registration", example = """
        {"registrationNumber": "B-2026-000123", "childId": "62603020013", "givenNames": "Mari", "familyName": "Tamm",
         "sex": "F", "birthDate": "2026-03-02", "birthTime": "08:15", "placeOfBirth": "Tallinn, West Tallinn Central Hospital",
         "motherId": "49403136515", "fatherId": "39205202210", "childrenInBirth": 1, "birthOrder": 1}""")
public record BirthRegistrationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") @Schema(description = "The registry's own number; writes are idempotent on it") String registrationNumber,
        @NotNull @ValidPersonId String childId,
        @NotBlank @Size(max = Limits.NAME) String givenNames,
        @NotBlank @Size(max = Limits.NAME) String familyName,
        @NotBlank @Pattern(regexp = "[FMX]") String sex,
        @NotNull @Schema(format = "date", example = "2026-03-02") String birthDate,
        @Schema(format = "time", example = "08:15", description = "Local time of birth; orders the children of one birth") String birthTime,
        @NotBlank @Size(max = Limits.PLACE) String placeOfBirth,
        @ValidPersonId @Schema(description = "The mother, a person of the population register") String motherId,
        @ValidPersonId @Schema(description = "The father when paternity is established, a person of the population register") String fatherId,
        @Valid @Schema(description = "The mother named in full instead of motherId; required for a mother not in the population register") ParentDetails mother,
        @Valid @Schema(description = "The father named in full instead of fatherId; required for a father not in the population register") ParentDetails father,
        @NotNull @Min(1) @Max(12) @Schema(description = "Children born in this birth: 1, or 2 for twins, ...") Integer childrenInBirth,
        @NotNull @Min(1) @Max(12) @Schema(description = "This child's order within the birth, 1-based") Integer birthOrder) {

    /** A parent named in full, e.g. one the registry marks as not in the population register. */
    @Schema(description = "A parent named in full", example = """
            {"personId": null, "givenNames": "Pierre", "familyName": "Martin", "notInPopulationRegister": true}""")
    public record ParentDetails(
            @ValidPersonId @Schema(description = "Estonian person id, when the parent has one") String personId,
            @NotBlank @Size(max = Limits.NAME) String givenNames,
            @NotBlank @Size(max = Limits.NAME) String familyName,
            @Schema(description = "True when the registry knows the parent is not a resident person; the birth event flags the parent so eligibility opens a case") Boolean notInPopulationRegister) {

        boolean markedNotInRegister() {
            return Boolean.TRUE.equals(notInPopulationRegister);
        }
    }
}
