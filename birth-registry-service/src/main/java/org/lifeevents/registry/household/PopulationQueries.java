package org.lifeevents.registry.household;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.ProblemException;

/** Reads of the population register. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class PopulationQueries {

    @Inject
    Clock clock;

    @Inject
    HouseholdSnapshots snapshots;

    @Transactional(TxType.REQUIRED)
    public HouseholdView household(String householdId) {
        Household household = Household.findById(householdId);
        if (household == null) {
            throw ProblemException.notFound("household_not_found", "No household " + householdId + ".");
        }
        return new HouseholdView(householdId, household.version,
                HouseholdView.AddressView.of(HouseholdSnapshots.address(household)),
                snapshots.members(householdId, LocalDate.now(clock)).stream().map(HouseholdView.MemberView::of).toList());
    }

    public PersonView person(String personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            throw ProblemException.notFound("person_not_found", "No person " + personId + " in the population register.");
        }
        return new PersonView(person.personId, person.givenNames, person.familyName, person.sex, person.birthDate,
                person.dateOfDeath, person.inPopulationRegister, person.spouseId,
                HouseholdMember.currentOf(personId).map(m -> m.householdId).orElse(null),
                ResponsibleAdult.of(personId, ResponsibleAdult.PARENT),
                ResponsibleAdult.of(personId, ResponsibleAdult.GUARDIAN),
                ResponsibleAdult.childrenOf(personId, ResponsibleAdult.PARENT));
    }
}
