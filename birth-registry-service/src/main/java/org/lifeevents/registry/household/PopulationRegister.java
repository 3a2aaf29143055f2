package org.lifeevents.registry.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.Address;
import org.lifeevents.events.registry.HouseholdChangedEvent;

/**
 * Owns persons and households. Every change of a household is published as its whole new state, so the compacted
 * topic alone can rebuild the register.
 */
@ApplicationScoped
@Transactional
public class PopulationRegister {

    @Inject
    Outbox outbox;

    /** Replaces a household's address and members with the given state and publishes it. */
    public HouseholdChangedEvent load(String householdId, HouseholdRequest request, String correlationId) {
        LocalDate effectiveFrom = request.effectiveFrom() != null ? request.effectiveFrom() : LocalDate.now();
        Household household = lockOrCreate(householdId);
        if (request.address() != null) {
            household.street = request.address().street();
            household.postalCode = request.address().postalCode();
            household.municipality = request.address().municipality();
            household.countryCode = request.address().countryCode();
        }
        List<String> wanted = request.members().stream().map(HouseholdRequest.Member::personId).toList();
        for (HouseholdMember member : HouseholdMember.current(householdId)) {
            if (!wanted.contains(member.personId)) {
                member.memberUntil = effectiveFrom.minusDays(1);
            }
        }
        for (HouseholdRequest.Member given : request.members()) {
            Person person = upsertPerson(given);
            for (String parent : nullSafe(given.legalParentIds())) {
                ensurePerson(parent);
                ResponsibleAdult.add(person.personId, parent, ResponsibleAdult.PARENT);
            }
            for (String guardian : nullSafe(given.guardianIds())) {
                ensurePerson(guardian);
                ResponsibleAdult.add(person.personId, guardian, ResponsibleAdult.GUARDIAN);
            }
            join(householdId, person.personId, given.memberSince() != null ? given.memberSince() : effectiveFrom);
        }
        return publish(household, request.reason(), effectiveFrom, correlationId);
    }

    /** Adds a person to a household from the given day, ending any other current membership the day before. */
    public void join(String householdId, String personId, LocalDate from) {
        Optional<HouseholdMember> current = HouseholdMember.currentOf(personId);
        if (current.isPresent() && current.get().householdId.equals(householdId)) {
            return;
        }
        current.ifPresent(member -> member.memberUntil = from.minusDays(1));
        HouseholdMember member = new HouseholdMember();
        member.householdId = householdId;
        member.personId = personId;
        member.memberSince = from;
        member.persist();
    }

    public Household lockOrCreate(String householdId) {
        Household household = Household.findById(householdId, LockModeType.PESSIMISTIC_WRITE);
        if (household == null) {
            household = new Household();
            household.householdId = householdId;
            household.persist();
        }
        return household;
    }

    /** Bumps the household's version and publishes its whole current state. */
    public HouseholdChangedEvent publish(Household household, String reason, LocalDate effectiveFrom, String correlationId) {
        household.version++;
        HouseholdChangedEvent event = HouseholdChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(correlationId)
                .setHouseholdId(household.householdId)
                .setVersion(household.version)
                .setEffectiveFrom(effectiveFrom)
                .setReason(reason)
                .setAddress(household.street == null ? null
                        : Address.newBuilder()
                                .setStreet(household.street)
                                .setPostalCode(household.postalCode)
                                .setMunicipality(household.municipality)
                                .setCountryCode(household.countryCode)
                                .build())
                .setMembers(HouseholdMember.current(household.householdId).stream().map(this::toEventMember).toList())
                .build();
        outbox.publish(Topics.HOUSEHOLDS, household.householdId, event);
        return event;
    }

    private org.lifeevents.events.registry.HouseholdMember toEventMember(HouseholdMember member) {
        Person person = Person.findById(member.personId);
        return org.lifeevents.events.registry.HouseholdMember.newBuilder()
                .setPersonId(person.personId)
                .setGivenNames(person.givenNames)
                .setFamilyName(person.familyName)
                .setSex(person.sex)
                .setBirthDate(person.birthDate)
                .setDateOfDeath(person.dateOfDeath)
                .setMemberSince(member.memberSince)
                .setInPopulationRegister(person.inPopulationRegister)
                .setSpouseId(person.spouseId)
                .setLegalParentIds(ResponsibleAdult.of(person.personId, ResponsibleAdult.PARENT))
                .setGuardianIds(ResponsibleAdult.of(person.personId, ResponsibleAdult.GUARDIAN))
                .setChildrenInBirth(person.childrenInBirth)
                .setBirthOrder(person.birthOrder)
                .build();
    }

    private Person upsertPerson(HouseholdRequest.Member given) {
        Person found = Person.findById(given.personId());
        Person person = found != null ? found : new Person();
        person.personId = given.personId();
        person.givenNames = given.givenNames();
        person.familyName = given.familyName();
        person.sex = given.sex();
        person.birthDate = given.birthDate();
        person.spouseId = given.spouseId();
        if (found == null) {
            person.persist();
        }
        return person;
    }

    /** A parent named before their own household is loaded: recorded from the id alone until then. */
    private void ensurePerson(String personId) {
        if (Person.findById(personId) == null) {
            org.lifeevents.common.identity.PersonId id = new org.lifeevents.common.identity.PersonId(personId);
            Person person = new Person();
            person.personId = personId;
            person.givenNames = "";
            person.familyName = "";
            person.sex = id.sex();
            person.birthDate = id.birthDate();
            person.persist();
        }
    }

    private static List<String> nullSafe(List<String> ids) {
        return ids == null ? new ArrayList<>() : ids;
    }
}
