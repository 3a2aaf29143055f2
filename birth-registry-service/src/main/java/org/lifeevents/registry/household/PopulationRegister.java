package org.lifeevents.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Owns persons and households: loads a household's whole state, moves people between households, and publishes every
 * household a change touches (a person who moves changes two).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class PopulationRegister {

    @Inject
    Clock clock;

    @Inject
    HouseholdSnapshots snapshots;

    @Inject
    RequestChecks checks;

    @Inject
    ObjectMapper json;

    /** What a load did: the household's version now and whether anything was published. */
    public record LoadResult(String householdId, long version, int members, boolean changed) {
    }

    /**
     * Replaces a household's address and members with the given state and publishes it (and every household a member
     * left to join it). A load that changes nothing publishes nothing.
     */
    public LoadResult load(String householdId, HouseholdRequest request, String correlationId) {
        LocalDate effectiveFrom = validate(request);
        snapshots.lockWithCurrentHouseholds(List.of(householdId),
                request.members().stream().map(HouseholdRequest.Member::personId).toList());
        Household household = snapshots.lockOrCreate(householdId);
        if (request.address() != null) {
            household.street = request.address().street();
            household.postalCode = request.address().postalCode();
            household.municipality = request.address().municipality();
            household.countryCode = request.address().countryCode();
        }
        Set<String> wanted = new HashSet<>();
        request.members().forEach(m -> wanted.add(m.personId()));
        for (HouseholdMember member : HouseholdMember.current(householdId)) {
            if (!wanted.contains(member.personId)) {
                member.memberUntil = effectiveFrom.minusDays(1);
            }
        }
        Set<String> left = new LinkedHashSet<>();
        for (HouseholdRequest.Member given : request.members()) {
            Person person = upsertPerson(given);
            if (given.legalParentIds() != null) {
                given.legalParentIds().forEach(this::ensurePerson);
                ResponsibleAdult.replace(person.personId, ResponsibleAdult.PARENT, given.legalParentIds());
            }
            if (given.guardianIds() != null) {
                given.guardianIds().forEach(this::ensurePerson);
                ResponsibleAdult.replace(person.personId, ResponsibleAdult.GUARDIAN, given.guardianIds());
            }
            LocalDate since = HouseholdChecks.memberSince(given, effectiveFrom);
            join(householdId, person.personId, since).ifPresent(left::add);
        }
        left.remove(householdId);
        for (String other : left) {
            snapshots.publish(other, "MOVE_OUT", effectiveFrom, correlationId);
        }
        household.loadHash = HouseholdChecks.loadHash(householdId, request, json);
        long before = household.version;
        long version = snapshots.publish(householdId, request.reason(), effectiveFrom, correlationId);
        return new LoadResult(householdId, version, request.members().size(), version != before);
    }

    /**
     * Adds a person to a household from the given day, ending their other current membership the day before.
     *
     * @return the household the person left, if any
     */
    public Optional<String> join(String householdId, String personId, LocalDate from) {
        Optional<HouseholdMember> current = HouseholdMember.currentOf(personId);
        if (current.isPresent() && current.get().householdId.equals(householdId)) {
            return Optional.empty();
        }
        current.ifPresent(member -> member.memberUntil = from.minusDays(1));
        HouseholdMember member = new HouseholdMember();
        member.householdId = householdId;
        member.personId = personId;
        member.memberSince = from;
        member.persist();
        return current.map(m -> m.householdId);
    }

    LocalDate validate(HouseholdRequest request) {
        FieldErrors errors = checks.check(request);
        if (request == null) {
            errors.throwIfAny();
        }
        LocalDate effectiveFrom = HouseholdChecks.check(request, id -> Person.<Person> findById(id), errors,
                LocalDate.now(clock));
        errors.throwIfAny();
        return effectiveFrom;
    }

    private Person upsertPerson(HouseholdRequest.Member given) {
        Person found = Person.findById(given.personId());
        Person person = found != null ? found : new Person();
        person.personId = given.personId();
        person.givenNames = given.givenNames();
        person.familyName = given.familyName();
        person.sex = given.sex();
        person.birthDate = Dates.of(given.birthDate());
        person.spouseId = given.spouseId();
        person.inPopulationRegister = true;
        if (found == null) {
            person.persist();
        }
        return person;
    }

    /** A parent named before their own household is loaded: recorded from the id alone until then. */
    public void ensurePerson(String personId) {
        if (Person.findById(personId) == null) {
            PersonId id = new PersonId(personId);
            Person person = new Person();
            person.personId = personId;
            person.givenNames = "";
            person.familyName = "";
            person.sex = id.sex();
            person.birthDate = id.birthDate();
            person.persist();
        }
    }

    static List<String> nullSafe(List<String> ids) {
        return ids == null ? new ArrayList<>() : ids;
    }
}
