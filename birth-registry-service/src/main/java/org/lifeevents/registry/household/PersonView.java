package org.lifeevents.registry.household;

import java.time.LocalDate;
import java.util.List;

/** A person of the register with their household and the people responsible for them or in their care. */
public record PersonView(String personId, String givenNames, String familyName, String sex, LocalDate birthDate,
        LocalDate dateOfDeath, boolean inPopulationRegister, String spouseId, String householdId,
        List<String> legalParentIds, List<String> guardianIds, List<String> childIds) {
}
