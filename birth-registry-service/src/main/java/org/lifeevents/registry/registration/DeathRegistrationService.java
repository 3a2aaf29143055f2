package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers deaths, reported once for every agency: the death event carries the household, the spouse, the household
 * members with their relation, the minor children with who remains responsible for them, and the deceased's parents.
 * The deceased stays a member of the household through the date of death and leaves it from the day after; a surviving
 * spouse is no longer recorded as married to them.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class DeathRegistrationService {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    HouseholdSnapshots snapshots;

    @Inject
    IdempotentWrites writes;

    @Inject
    RequestChecks checks;

    @Inject
    ObjectMapper json;

    public RegistrationReceipt register(DeathRegistrationRequest request, WriteContext context) {
        FieldErrors errors = checks.check(request);
        if (request == null || errors.has("registrationNumber")) {
            errors.throwIfAny();
        }
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.REGISTRATION, request.registrationNumber(),
                Registration.DEATH, request.registrationNumber(), request, "registration_number_reused"),
                RegistrationReceipt.class, context, () -> apply(request, errors, context));
    }

    /**
     * The domain checks of a death; returns the deceased, or null with errors added.
     *
     * @param today the business date, after which no death is registered
     */
    static Person check(DeathRegistrationRequest request, FieldErrors errors, LocalDate today) {
        LocalDate dateOfDeath = Dates.past(errors, "dateOfDeath", request.dateOfDeath(), !errors.has("dateOfDeath"),
                today);
        if (!PersonId.isValid(request.personId())) {
            return null;
        }
        Person person = Person.findById(request.personId());
        if (person == null) {
            errors.add("personId", "unknown_person", "is not in the population register");
            return null;
        }
        if (dateOfDeath != null && dateOfDeath.isBefore(person.birthDate)) {
            errors.add("dateOfDeath", "before_birth", "is before the person's birth on " + person.birthDate);
        }
        return person;
    }

    private RegistrationReceipt apply(DeathRegistrationRequest request, FieldErrors errors, WriteContext context) {
        Person deceased = check(request, errors, LocalDate.now(clock));
        errors.throwIfAny();
        if (deceased.isDeceased()) {
            String where = Registration.activeOf(deceased.personId, Registration.DEATH)
                    .map(r -> " (registration " + r.registrationNumber + ")").orElse("");
            throw ProblemException.conflict("person_already_deceased",
                    "The death of " + deceased.personId + " on " + deceased.dateOfDeath + " is registered" + where + ".");
        }
        LocalDate dateOfDeath = Dates.of(request.dateOfDeath());
        DeathRecord record = DeathRecords.of(request.registrationNumber(), deceased, dateOfDeath, request.placeOfDeath());

        deceased.dateOfDeath = dateOfDeath;
        Set<String> households = new LinkedHashSet<>();
        HouseholdMember.currentOf(deceased.personId).ifPresent(member -> {
            member.memberUntil = dateOfDeath;
            households.add(member.householdId);
        });
        String clearedSpouse = null;
        Person spouse = deceased.spouseId == null ? null : Person.findById(deceased.spouseId);
        if (spouse != null && deceased.personId.equals(spouse.spouseId)) {
            spouse.spouseId = null;
            clearedSpouse = spouse.personId;
            HouseholdMember.currentOf(spouse.personId).ifPresent(member -> households.add(member.householdId));
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        outbox.publish(Topics.REGISTRATIONS, deceased.personId, DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(context.correlationId())
                .setRegisteredAt(now)
                .setDeath(record)
                .build());
        for (String householdId : households) {
            snapshots.publish(householdId, "DEATH", dateOfDeath, context.correlationId());
        }

        RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), Registration.DEATH,
                deceased.personId, Optional.ofNullable(record.getHouseholdId()).orElse(null), context.correlationId(), now);
        Registration registration = new Registration();
        registration.registrationNumber = request.registrationNumber();
        registration.kind = Registration.DEATH;
        registration.subjectPersonId = deceased.personId;
        registration.requestJson = json.valueToTree(request).toString();
        registration.responseJson = json.valueToTree(receipt).toString();
        registration.recordJson = registration.requestJson;
        registration.eventDate = dateOfDeath;
        registration.householdId = record.getHouseholdId();
        registration.deathRecord = DeathRecords.encode(record);
        registration.deathRecordSchema = DeathRecord.getClassSchema().toString();
        registration.createdPerson = false;
        registration.clearedSpouseId = clearedSpouse;
        registration.correlationId = context.correlationId();
        registration.registeredAt = now;
        registration.updatedAt = now;
        registration.persist();
        return receipt;
    }
}
