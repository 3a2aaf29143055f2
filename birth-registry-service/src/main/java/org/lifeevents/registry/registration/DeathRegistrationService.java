package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    private RegistrationReceipt apply(DeathRegistrationRequest request, FieldErrors errors, WriteContext context) {
        writes.lockPerson(request.personId());
        Person deceased = DeathChecks.check(request, errors, LocalDate.now(clock), DeathChecks.DATABASE);
        errors.throwIfAny();
        DeathChecks.refuseIfDeceased(deceased, DeathChecks.DATABASE);
        LocalDate dateOfDeath = Dates.of(request.dateOfDeath());
        DeathRecord record = DeathRecords.of(request.registrationNumber(), deceased, dateOfDeath, request.placeOfDeath(),
                DeathChecks.DATABASE);
        DeathChecks.Effects effects = DeathChecks.effects(deceased, DeathChecks.DATABASE);

        deceased.dateOfDeath = dateOfDeath;
        HouseholdMember.currentOf(deceased.personId).ifPresent(member -> member.memberUntil = dateOfDeath);
        if (effects.clearedSpouseId() != null) {
            Person.<Person> findById(effects.clearedSpouseId()).spouseId = null;
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        outbox.publish(Topics.REGISTRATIONS, deceased.personId, DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(context.correlationId())
                .setRegisteredAt(now)
                .setDeath(record)
                .build());
        for (String householdId : effects.households()) {
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
        registration.clearedSpouseId = effects.clearedSpouseId();
        registration.correlationId = context.correlationId();
        registration.registeredAt = now;
        registration.updatedAt = now;
        registration.persist();
        return receipt;
    }
}
