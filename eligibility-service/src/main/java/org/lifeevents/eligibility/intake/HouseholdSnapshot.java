package org.lifeevents.eligibility.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.lifeevents.events.registry.HouseholdChangedEvent;

/** The members of a household as the population register last published them; what rules read. */
public record HouseholdSnapshot(List<Member> members) {

    public record Member(String personId, String givenNames, LocalDate birthDate, LocalDate dateOfDeath,
            LocalDate memberSince, String spouseId, List<String> legalParentIds, List<String> guardianIds,
            int childrenInBirth, int birthOrder) {
    }

    public Optional<Member> member(String personId) {
        return members.stream().filter(m -> m.personId().equals(personId)).findFirst();
    }

    static HouseholdSnapshot of(HouseholdChangedEvent event) {
        return new HouseholdSnapshot(event.getMembers().stream()
                .map(m -> new Member(m.getPersonId(), m.getGivenNames(), m.getBirthDate(), m.getDateOfDeath(),
                        m.getMemberSince(), m.getSpouseId(), List.copyOf(m.getLegalParentIds()),
                        List.copyOf(m.getGuardianIds()), m.getChildrenInBirth(), m.getBirthOrder()))
                .toList());
    }
}
