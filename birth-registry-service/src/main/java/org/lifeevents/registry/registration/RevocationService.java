package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.RegistrationRevokedEvent;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

/**
 * Revokes registrations made in error, undoing what they did to the population register: a revoked birth removes the
 * child it brought into the register (and its household memberships); a revoked death brings the person back into
 * their household and marriage. Idempotent on the registration number: a registration is revoked once.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class RevocationService {

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

    public RevocationReceipt revoke(String registrationNumber, RevocationRequest request, WriteContext context) {
        checks.check(request).throwIfAny();
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.REVOCATION, registrationNumber, "REVOCATION",
                registrationNumber, request, "registration_already_revoked"), RevocationReceipt.class, context,
                () -> apply(registrationNumber, request, context));
    }

    private RevocationReceipt apply(String registrationNumber, RevocationRequest request, WriteContext context) {
        Registration registration = RegistrationQueries.require(registrationNumber);
        if (!registration.isActive()) {
            throw ProblemException.conflict("registration_already_revoked",
                    "Registration " + registrationNumber + " is revoked already.");
        }
        Set<String> households = Registration.BIRTH.equals(registration.kind) ? undoBirth(registration)
                : undoDeath(registration);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        registration.status = Registration.REVOKED;
        registration.revokedAt = now;
        registration.revocationReason = request.reason();
        registration.updatedAt = now;
        outbox.publish(Topics.REGISTRATIONS, registration.subjectPersonId, RegistrationRevokedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(context.correlationId())
                .setRegistrationId(registrationNumber)
                .setRegistrationKind(registration.kind)
                .setSubjectPersonId(registration.subjectPersonId)
                .setReason(request.reason())
                .setRevokedBy(request.revokedBy())
                .setRevokedAt(now)
                .build());
        for (String householdId : households) {
            snapshots.publish(householdId, "REVOCATION", registration.eventDate, context.correlationId());
        }
        return new RevocationReceipt(registrationNumber, registration.kind, registration.subjectPersonId,
                request.reason(), request.revokedBy(), context.correlationId(), now);
    }

    /** Removes the child the birth brought into the register; returns the households that changed. */
    private Set<String> undoBirth(Registration registration) {
        String childId = registration.subjectPersonId;
        Registration.activeOf(childId, Registration.DEATH).ifPresent(death -> {
            throw ProblemException.conflict("death_registered", "The death of " + childId + " is registered as "
                    + death.registrationNumber + "; revoke it first.");
        });
        Set<String> households = new LinkedHashSet<>();
        if (!registration.createdPerson) {
            // The person was in the register before the birth was registered: they stay, only the record goes.
            HouseholdMember.currentOf(childId).ifPresent(member -> households.add(member.householdId));
            return households;
        }
        for (HouseholdMember member : HouseholdMember.<HouseholdMember> list("personId", childId)) {
            if (member.memberUntil == null) {
                households.add(member.householdId);
            }
            member.delete();
        }
        ResponsibleAdult.delete("childId", childId);
        Person child = Person.findById(childId);
        if (child != null) {
            child.delete();
        }
        return households;
    }

    /** Brings the person back: alive, in the household the death ended, married again if the death ended it. */
    private Set<String> undoDeath(Registration registration) {
        Person person = Person.findById(registration.subjectPersonId);
        Set<String> households = new LinkedHashSet<>();
        if (person.dateOfDeath != null && HouseholdMember.currentOf(person.personId).isEmpty()) {
            HouseholdMember.<HouseholdMember> find("personId = ?1 and memberUntil = ?2 order by memberSince desc",
                    person.personId, person.dateOfDeath).firstResultOptional().ifPresent(member -> {
                        member.memberUntil = null;
                        households.add(member.householdId);
                    });
        }
        person.dateOfDeath = null;
        if (registration.clearedSpouseId != null) {
            Person spouse = Person.findById(registration.clearedSpouseId);
            if (spouse != null && spouse.spouseId == null && !spouse.isDeceased()) {
                spouse.spouseId = person.personId;
                HouseholdMember.currentOf(spouse.personId).ifPresent(member -> households.add(member.householdId));
            }
        }
        return households;
    }
}
