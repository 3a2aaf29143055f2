package org.lifeevents.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

/** Moves and custody changes of the population register, each idempotent on the registry's change number. */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class PopulationChanges {

    static final String MOVE = "MOVE";
    static final String CUSTODY = "CUSTODY";

    @Inject
    Clock clock;

    @Inject
    IdempotentWrites writes;

    @Inject
    RequestChecks checks;

    @Inject
    PopulationRegister register;

    @Inject
    HouseholdSnapshots snapshots;

    /** Moves the people: each leaves their household the day before and joins the new one; both are published. */
    public PopulationChangeReceipt move(MoveRequest request, WriteContext context) {
        FieldErrors errors = checks.check(request);
        if (request == null || errors.has("changeNumber")) {
            errors.throwIfAny();
        }
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.POPULATION, request.changeNumber(), MOVE, null,
                request, "change_number_reused"), PopulationChangeReceipt.class, context,
                () -> applyMove(request, errors, context));
    }

    private PopulationChangeReceipt applyMove(MoveRequest request, FieldErrors errors, WriteContext context) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Dates.past(errors, "effectiveFrom", request.effectiveFrom(), false, today);
        LocalDate effectiveFrom = from != null ? from : today;
        boolean newHousehold = request.toHouseholdId() != null && Household.findById(request.toHouseholdId()) == null;
        if (newHousehold && request.address() == null) {
            errors.add("address", "required", "a new household needs its address");
        }
        Set<String> seen = new HashSet<>();
        List<String> personIds = request.personIds() == null ? List.of() : request.personIds();
        for (int i = 0; i < personIds.size(); i++) {
            String field = "personIds[" + i + "]";
            String personId = personIds.get(i);
            if (!PersonId.isValid(personId)) {
                continue;
            }
            if (!seen.add(personId)) {
                errors.add(field, "duplicate_person", "is named twice");
                continue;
            }
            Person person = Person.findById(personId);
            if (person == null || !person.inPopulationRegister) {
                errors.add(field, "unknown_person", "is not a resident person of the population register");
                continue;
            }
            if (person.isDeceased()) {
                errors.add(field, "deceased", "died on " + person.dateOfDeath);
                continue;
            }
            Optional<HouseholdMember> current = HouseholdMember.currentOf(personId);
            if (current.isPresent() && current.get().householdId.equals(request.toHouseholdId())) {
                errors.add(field, "already_member", "already lives in " + request.toHouseholdId());
            } else if (current.isPresent() && !current.get().memberSince.isBefore(effectiveFrom)) {
                errors.add("effectiveFrom", "before_current_membership",
                        personId + " joined " + current.get().householdId + " on " + current.get().memberSince);
            } else if (current.isEmpty() && request.toHouseholdId() == null) {
                errors.add(field, "not_in_a_household", "lives in no household to leave");
            }
        }
        errors.throwIfAny();

        Map<String, String> reasons = new LinkedHashMap<>();
        if (request.toHouseholdId() != null) {
            // The household exists (and is locked) before anyone joins it.
            Household target = snapshots.lockOrCreate(request.toHouseholdId());
            if (request.address() != null) {
                target.street = request.address().street();
                target.postalCode = request.address().postalCode();
                target.municipality = request.address().municipality();
                target.countryCode = request.address().countryCode();
            }
        }
        for (String personId : request.personIds()) {
            if (request.toHouseholdId() == null) {
                HouseholdMember current = HouseholdMember.currentOf(personId).orElseThrow();
                current.memberUntil = effectiveFrom.minusDays(1);
                reasons.put(current.householdId, "MOVE_OUT");
            } else {
                register.join(request.toHouseholdId(), personId, effectiveFrom)
                        .ifPresent(left -> reasons.put(left, "MOVE_OUT"));
            }
        }
        if (request.toHouseholdId() != null) {
            reasons.put(request.toHouseholdId(), "MOVE_IN");
        }
        List<PopulationChangeReceipt.HouseholdVersion> versions = new ArrayList<>();
        reasons.forEach((householdId, reason) -> versions.add(new PopulationChangeReceipt.HouseholdVersion(householdId,
                snapshots.publish(householdId, reason, effectiveFrom, context.correlationId()))));
        return new PopulationChangeReceipt(request.changeNumber(), MOVE, request.personIds(), versions,
                context.correlationId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Replaces the person's legal parents and/or guardians and publishes the person's household. */
    public PopulationChangeReceipt custody(CustodyRequest request, WriteContext context) {
        FieldErrors errors = checks.check(request);
        if (request == null || errors.has("changeNumber")) {
            errors.throwIfAny();
        }
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.POPULATION, request.changeNumber(), CUSTODY, null,
                request, "change_number_reused"), PopulationChangeReceipt.class, context,
                () -> applyCustody(request, errors, context));
    }

    private PopulationChangeReceipt applyCustody(CustodyRequest request, FieldErrors errors, WriteContext context) {
        writes.lockPerson(request.childId());
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Dates.past(errors, "effectiveFrom", request.effectiveFrom(), false, today);
        LocalDate effectiveFrom = from != null ? from : today;
        Person child = PersonId.isValid(request.childId()) ? Person.findById(request.childId()) : null;
        if (child == null && PersonId.isValid(request.childId()) || child != null && !child.inPopulationRegister) {
            errors.add("childId", "unknown_person", "is not a resident person of the population register");
        } else if (child != null && child.isDeceased()) {
            // child is null for an id that is no person id at all, which bean validation has already refused.
            errors.add("childId", "deceased", "died on " + child.dateOfDeath);
        }
        if (request.legalParentIds() == null && request.guardianIds() == null) {
            errors.add("legalParentIds", "required", "name the legal parents, the guardians, or both");
        }
        if (request.legalParentIds() != null && request.legalParentIds().size() > 2) {
            errors.add("legalParentIds", "too_many_parents", "a person has at most two legal parents");
        }
        checkAdults(errors, "legalParentIds", request.legalParentIds(), child);
        checkAdults(errors, "guardianIds", request.guardianIds(), child);
        errors.throwIfAny();

        if (request.legalParentIds() != null) {
            ResponsibleAdult.replace(child.personId, ResponsibleAdult.PARENT, request.legalParentIds());
        }
        if (request.guardianIds() != null) {
            ResponsibleAdult.replace(child.personId, ResponsibleAdult.GUARDIAN, request.guardianIds());
        }
        List<PopulationChangeReceipt.HouseholdVersion> versions = new ArrayList<>();
        HouseholdMember.currentOf(child.personId).ifPresent(member -> versions.add(
                new PopulationChangeReceipt.HouseholdVersion(member.householdId,
                        snapshots.publish(member.householdId, "CUSTODY", effectiveFrom, context.correlationId()))));
        return new PopulationChangeReceipt(request.changeNumber(), CUSTODY, List.of(child.personId), versions,
                context.correlationId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void checkAdults(FieldErrors errors, String field, List<String> adults, Person child) {
        if (adults == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < adults.size(); i++) {
            String adultId = adults.get(i);
            String at = field + "[" + i + "]";
            if (!PersonId.isValid(adultId)) {
                continue;
            }
            if (!seen.add(adultId)) {
                errors.add(at, "duplicate_person", "is named twice");
                continue;
            }
            Person adult = Person.findById(adultId);
            if (child != null && adultId.equals(child.personId)) {
                errors.add(at, "same_person", "a person is not responsible for themselves");
            } else if (adult == null) {
                errors.add(at, "unknown_person", "is not in the population register");
            } else if (adult.isDeceased()) {
                errors.add(at, "deceased", "died on " + adult.dateOfDeath);
            } else if (child != null && !adult.birthDate.isBefore(child.birthDate)) {
                errors.add(at, "born_after_child", "was born on or after the person (" + adult.birthDate + ")");
            }
        }
    }
}
