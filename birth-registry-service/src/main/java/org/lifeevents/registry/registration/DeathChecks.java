package org.lifeevents.registry.registration;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;

/**
 * The rules of a death: what refuses it, and what it changes in the register (the households it touches, the spouse it
 * leaves unmarried). They read the register through {@link Register}, so the API (one death, read from the database)
 * and the backfill (a batch of deaths, read in a few set-based queries) apply one rule set, and {@link DeathRecords}
 * builds the event from the same view.
 */
public final class DeathChecks {

    /** What the rules and the death record read from the register, as it stands before the death. */
    public interface Register {

        /** The person with the id, or null. */
        Person person(String personId);

        /** The household the person is a member of now, or null. */
        String currentHousehold(String personId);

        /** The person ids of the household's current members, by membership start, then person id. */
        List<String> currentMembers(String householdId);

        /** The child's legal parents or guardians, by person id. */
        List<String> adultsOf(String childId, String relation);

        /** The persons the adult is a legal parent of, by person id. */
        List<String> childrenOf(String parentId);

        /** The number of the person's active death registration, or null. */
        String activeDeathOf(String personId);
    }

    /** What a death changes: the households to publish, and the spouse who is no longer married to the deceased. */
    public record Effects(Set<String> households, String clearedSpouseId) {
    }

    /** The register as the database holds it now, one query at a time (the API's single death, and corrections). */
    static final Register DATABASE = new Register() {
        @Override
        public Person person(String personId) {
            return Person.findById(personId);
        }

        @Override
        public String currentHousehold(String personId) {
            return HouseholdMember.currentOf(personId).map(member -> member.householdId).orElse(null);
        }

        @Override
        public List<String> currentMembers(String householdId) {
            return HouseholdMember.current(householdId).stream().map(member -> member.personId).toList();
        }

        @Override
        public List<String> adultsOf(String childId, String relation) {
            return ResponsibleAdult.of(childId, relation);
        }

        @Override
        public List<String> childrenOf(String parentId) {
            return ResponsibleAdult.childrenOf(parentId, ResponsibleAdult.PARENT);
        }

        @Override
        public String activeDeathOf(String personId) {
            return Registration.activeOf(personId, Registration.DEATH).map(r -> r.registrationNumber).orElse(null);
        }
    };

    private DeathChecks() {
    }

    /**
     * The domain checks of a death; returns the deceased, or null with errors added.
     *
     * @param today the business date, after which no death is registered
     */
    static Person check(DeathRegistrationRequest request, FieldErrors errors, LocalDate today, Register register) {
        LocalDate dateOfDeath = Dates.past(errors, "dateOfDeath", request.dateOfDeath(), !errors.has("dateOfDeath"),
                today);
        if (!PersonId.isValid(request.personId())) {
            return null;
        }
        Person person = register.person(request.personId());
        if (person == null) {
            errors.add("personId", "unknown_person", "is not in the population register");
            return null;
        }
        if (dateOfDeath != null && dateOfDeath.isBefore(person.birthDate)) {
            errors.add("dateOfDeath", "before_birth", "is before the person's birth on " + person.birthDate);
        }
        return person;
    }

    /** Refuses (409) the death of a person whose death is registered already. */
    static void refuseIfDeceased(Person deceased, Register register) {
        if (!deceased.isDeceased()) {
            return;
        }
        String where = Optional.ofNullable(register.activeDeathOf(deceased.personId))
                .map(number -> " (registration " + number + ")").orElse("");
        throw ProblemException.conflict("person_already_deceased",
                "The death of " + deceased.personId + " on " + deceased.dateOfDeath + " is registered" + where + ".");
    }

    /**
     * What the death changes: the deceased's household and, when the spouse names the deceased as spouse in turn, the
     * spouse's household and the spouse's marriage.
     */
    static Effects effects(Person deceased, Register register) {
        Set<String> households = new LinkedHashSet<>();
        Optional.ofNullable(register.currentHousehold(deceased.personId)).ifPresent(households::add);
        Person spouse = deceased.spouseId == null ? null : register.person(deceased.spouseId);
        if (spouse == null || !deceased.personId.equals(spouse.spouseId)) {
            return new Effects(households, null);
        }
        Optional.ofNullable(register.currentHousehold(spouse.personId)).ifPresent(households::add);
        return new Effects(households, spouse.personId);
    }
}
