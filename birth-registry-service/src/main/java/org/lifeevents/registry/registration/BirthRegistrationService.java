package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.PopulationRegister;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers births: the child enters the population register and a household (the mother's; the father's when the
 * mother is not a resident person with a household), and the birth and the new household state leave through the
 * outbox in the same transaction. Refusals happen before anything is written.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class BirthRegistrationService {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PopulationRegister register;

    @Inject
    HouseholdSnapshots snapshots;

    @Inject
    IdempotentWrites writes;

    @Inject
    RequestChecks checks;

    @Inject
    BirthChecks birthChecks;

    @Inject
    ObjectMapper json;

    /** Registers the birth, or returns the first answer when the same registration number came with the same body. */
    public RegistrationReceipt register(BirthRegistrationRequest request, WriteContext context) {
        FieldErrors errors = checks.check(request);
        if (request == null || errors.has("registrationNumber")) {
            errors.throwIfAny();
        }
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.REGISTRATION, request.registrationNumber(),
                Registration.BIRTH, request.registrationNumber(), request, "registration_number_reused"),
                RegistrationReceipt.class, context, () -> apply(request, errors, context));
    }

    /** Checks everything, listing every error at once, then registers; nothing is written before the checks pass. */
    private RegistrationReceipt apply(BirthRegistrationRequest request, FieldErrors errors, WriteContext context) {
        writes.lockPerson(request.childId());
        BirthChecks.Facts facts = birthChecks.check(request, null, errors);
        errors.throwIfAny();
        Person existing = Person.findById(request.childId());
        if (existing != null) {
            Optional<Registration> earlier = Registration.activeOf(request.childId(), Registration.BIRTH);
            if (earlier.isPresent()) {
                throw ProblemException.conflict("birth_already_registered", "The birth of " + request.childId()
                        + " is registered as " + earlier.get().registrationNumber + ".");
            }
            if (existing.isDeceased() || !existing.inPopulationRegister) {
                throw ProblemException.conflict("person_exists", "Person " + request.childId()
                        + " is recorded as deceased or as not resident; correct the register first.");
            }
        }

        Person child = existing != null ? existing : new Person();
        child.personId = request.childId();
        child.givenNames = request.givenNames();
        child.familyName = request.familyName();
        child.sex = request.sex();
        child.birthDate = facts.birthDate();
        child.childrenInBirth = request.childrenInBirth();
        child.birthOrder = request.birthOrder();
        child.inPopulationRegister = true;
        if (existing == null) {
            child.persist();
        }
        linkParent(child, facts.mother(), existing == null);
        linkParent(child, facts.father(), existing == null);

        // A person created by this registration belongs to no household yet.
        String householdId = existing == null ? newbornHousehold(facts)
                : HouseholdMember.currentOf(child.personId).map(m -> m.householdId)
                        .orElseGet(() -> newbornHousehold(facts));
        if (householdId != null) {
            register.join(householdId, child.personId, facts.birthDate());
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BirthRecord record = BirthRecords.of(request.registrationNumber(), request, facts, householdId);
        outbox.publish(Topics.REGISTRATIONS, request.childId(), BirthRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(context.correlationId())
                .setRegisteredAt(now)
                .setBirth(record)
                .build());
        if (householdId != null) {
            snapshots.publish(householdId, "BIRTH", facts.birthDate(), context.correlationId());
        }

        RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), Registration.BIRTH,
                request.childId(), householdId, context.correlationId(), now);
        Registration registration = new Registration();
        registration.registrationNumber = request.registrationNumber();
        registration.kind = Registration.BIRTH;
        registration.subjectPersonId = request.childId();
        registration.requestJson = json.valueToTree(request).toString();
        registration.responseJson = json.valueToTree(receipt).toString();
        registration.recordJson = registration.requestJson;
        registration.eventDate = facts.birthDate();
        registration.householdId = householdId;
        registration.createdPerson = existing == null;
        registration.correlationId = context.correlationId();
        registration.registeredAt = now;
        registration.updatedAt = now;
        registration.persist();
        return receipt;
    }

    /**
     * The newborn-household rule: the mother's current household when she is a resident person of the register; else
     * the father's, on the same condition; else none (the birth event says so, and eligibility opens a case).
     */
    static String newbornHousehold(BirthChecks.Facts facts) {
        return newbornHousehold(facts, personId -> HouseholdMember.currentOf(personId).map(member -> member.householdId));
    }

    /** The newborn-household rule, with the parents' current households read through the given function. */
    static String newbornHousehold(BirthChecks.Facts facts, Function<String, Optional<String>> currentHousehold) {
        return residentHousehold(facts.mother(), currentHousehold)
                .orElseGet(() -> residentHousehold(facts.father(), currentHousehold).orElse(null));
    }

    private static Optional<String> residentHousehold(BirthChecks.Parent parent,
            Function<String, Optional<String>> currentHousehold) {
        if (parent == null || !parent.inPopulationRegister() || parent.personId() == null) {
            return Optional.empty();
        }
        return currentHousehold.apply(parent.personId());
    }

    /**
     * Links a parent with a person id; a parent not in the register is recorded, flagged, the first time. A child
     * created by this registration has no links yet, so they are added without looking for one first.
     */
    static void linkParent(Person child, BirthChecks.Parent parent, boolean newChild) {
        if (parent == null || parent.personId() == null) {
            return;
        }
        recordParent(parent);
        if (newChild) {
            ResponsibleAdult.addNew(child.personId, parent.personId(), ResponsibleAdult.PARENT);
        } else {
            ResponsibleAdult.add(child.personId, parent.personId(), ResponsibleAdult.PARENT);
        }
    }

    /** Records a parent who is not in the register (with a person id) the first time a birth names them. */
    static void recordParent(BirthChecks.Parent parent) {
        if (parent == null || parent.personId() == null || parent.person() != null
                || Person.findById(parent.personId()) != null) {
            return;
        }
        PersonId id = new PersonId(parent.personId());
        Person recorded = new Person();
        recorded.personId = parent.personId();
        recorded.givenNames = parent.givenNames();
        recorded.familyName = parent.familyName();
        recorded.sex = id.sex();
        recorded.birthDate = id.birthDate();
        recorded.inPopulationRegister = false;
        recorded.persist();
    }
}
