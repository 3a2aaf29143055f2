package org.lifeevents.registry.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.FieldChange;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Corrects registrations. The changed fields are applied to the current record and the result is checked like a new
 * registration; the event carries the changes (before and after) and the whole corrected record. A typographical or
 * quality-assurance correction takes effect from the original event date (the record was always meant to say so); a
 * formal correction from the date the registry gives, by default the correction's date.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ProblemException.class)
public class CorrectionService {

    static final Set<String> BIRTH_FIELDS = Set.of("givenNames", "familyName", "sex", "birthDate", "birthTime",
            "placeOfBirth", "motherId", "fatherId", "mother", "father", "childrenInBirth", "birthOrder");
    static final Set<String> DEATH_FIELDS = Set.of("dateOfDeath", "placeOfDeath");
    static final Set<String> IDENTIFYING_FIELDS = Set.of("registrationNumber", "childId", "personId");

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
    BirthChecks birthChecks;

    @Inject
    ObjectMapper json;

    public CorrectionReceipt correct(String registrationNumber, CorrectionRequest request, WriteContext context) {
        FieldErrors errors = checks.check(request);
        if (request != null && request.changes() != null && request.changes().isEmpty()) {
            errors.add("changes", "required", "name at least one changed field");
        }
        errors.throwIfAny();
        return writes.once(new IdempotentWrites.Write(IdempotentWrites.CORRECTION, request.correctionNumber(),
                "CORRECTION", registrationNumber, new Keyed(registrationNumber, request), "correction_number_reused"),
                CorrectionReceipt.class, context, () -> apply(registrationNumber, request, context));
    }

    /** The body compared on a repeated correction number: the request and the registration it was sent for. */
    record Keyed(String registrationNumber, CorrectionRequest correction) {
    }

    private CorrectionReceipt apply(String registrationNumber, CorrectionRequest request, WriteContext context) {
        Registration registration = RegistrationQueries.require(registrationNumber);
        if (!registration.isActive()) {
            throw ProblemException.conflict("registration_revoked",
                    "Registration " + registrationNumber + " was revoked; it cannot be corrected.");
        }
        Set<String> allowed = Registration.BIRTH.equals(registration.kind) ? BIRTH_FIELDS : DEATH_FIELDS;
        FieldErrors errors = new FieldErrors();
        for (Iterator<String> names = request.changes().fieldNames(); names.hasNext();) {
            String name = names.next();
            if (IDENTIFYING_FIELDS.contains(name)) {
                errors.add("changes." + name, "not_correctable",
                        "identifies the registration; revoke it and register anew instead");
            } else if (!allowed.contains(name)) {
                errors.add("changes." + name, "unknown_field", "is not a field of a "
                        + registration.kind.toLowerCase(Locale.ROOT) + " registration");
            }
        }
        errors.throwIfAny();
        ObjectNode merged = (ObjectNode) read(registration.recordJson);
        request.changes().fields().forEachRemaining(change -> merged.set(change.getKey(), change.getValue()));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        RegistrationCorrectedEvent.Builder event = RegistrationCorrectedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(context.correlationId())
                .setCorrectionId(request.correctionNumber())
                .setRegistrationId(registrationNumber)
                .setRegistrationKind(registration.kind)
                .setSubjectPersonId(registration.subjectPersonId)
                .setReason(request.reason().toUpperCase(Locale.ROOT))
                .setCorrectedBy(request.correctedBy())
                .setCorrectedAt(now);
        LocalDate effectiveFrom;
        List<FieldChange> changes;
        if (Registration.BIRTH.equals(registration.kind)) {
            BirthRegistrationRequest before = convert(read(registration.recordJson), BirthRegistrationRequest.class,
                    errors);
            BirthRegistrationRequest after = convert(merged, BirthRegistrationRequest.class, errors);
            errors.throwIfAny();
            FieldErrors changeErrors = errors.under("changes.");
            changeErrors.addAll(checks.check(after).list());
            BirthChecks.Facts facts = birthChecks.check(after, registrationNumber, changeErrors);
            BirthChecks.Facts previousFacts = birthChecks.check(before, registrationNumber, new FieldErrors());
            effectiveFrom = effectiveFrom(request, registration, facts.birthDate(), errors, today);
            errors.throwIfAny();
            BirthRecord previous = BirthRecords.of(registrationNumber, before, previousFacts, registration.householdId);
            BirthRecord corrected = BirthRecords.of(registrationNumber, after, facts, registration.householdId);
            changes = noChangeRefused(BirthRecords.changes(previous, corrected));
            applyBirth(registration, after, facts, effectiveFrom, context);
            event.setCorrectedBirth(corrected);
        } else {
            DeathRegistrationRequest after = convert(merged, DeathRegistrationRequest.class, errors);
            errors.throwIfAny();
            FieldErrors changeErrors = errors.under("changes.");
            changeErrors.addAll(checks.check(after).list());
            DeathChecks.check(after, changeErrors, today, DeathChecks.DATABASE);
            LocalDate newDate = changeErrors.has("dateOfDeath") ? null : Dates.of(after.dateOfDeath());
            effectiveFrom = effectiveFrom(request, registration, newDate, errors, today);
            errors.throwIfAny();
            DeathRecord previous = DeathRecords.decode(registration.deathRecord, registration.deathRecordSchema);
            DeathRecord corrected = DeathRecord.newBuilder(previous)
                    .setDateOfDeath(newDate)
                    .setPlaceOfDeath(after.placeOfDeath())
                    .build();
            List<FieldChange> found = new ArrayList<>();
            BirthRecords.change(found, "dateOfDeath", previous.getDateOfDeath(), corrected.getDateOfDeath());
            BirthRecords.change(found, "placeOfDeath", previous.getPlaceOfDeath(), corrected.getPlaceOfDeath());
            changes = noChangeRefused(found);
            applyDeath(registration, previous.getDateOfDeath(), newDate, effectiveFrom, context);
            registration.deathRecord = DeathRecords.encode(corrected);
            registration.deathRecordSchema = DeathRecord.getClassSchema().toString();
            event.setCorrectedDeath(corrected);
        }
        registration.recordJson = merged.toString();
        registration.updatedAt = now;
        event.setEffectiveFrom(effectiveFrom).setChanges(changes);
        outbox.publish(Topics.REGISTRATIONS, registration.subjectPersonId, event.build());
        return new CorrectionReceipt(request.correctionNumber(), registrationNumber, registration.kind,
                registration.subjectPersonId, request.reason(), effectiveFrom,
                changes.stream().map(c -> new CorrectionReceipt.Change(c.getField(), c.getPreviousValue(), c.getNewValue()))
                        .toList(),
                context.correlationId(), now);
    }

    private void applyBirth(Registration registration, BirthRegistrationRequest after, BirthChecks.Facts facts,
            LocalDate effectiveFrom, WriteContext context) {
        Person child = Person.findById(registration.subjectPersonId);
        LocalDate previousBirthDate = child.birthDate;
        child.givenNames = after.givenNames();
        child.familyName = after.familyName();
        child.sex = after.sex();
        child.birthDate = facts.birthDate();
        child.childrenInBirth = after.childrenInBirth();
        child.birthOrder = after.birthOrder();
        BirthRegistrationService.recordParent(facts.mother());
        BirthRegistrationService.recordParent(facts.father());
        ResponsibleAdult.replace(child.personId, ResponsibleAdult.PARENT, Stream.of(facts.mother(), facts.father())
                .filter(p -> p != null && p.personId() != null).map(BirthChecks.Parent::personId).toList());
        // A membership that began at birth begins at the corrected birth.
        HouseholdMember.<HouseholdMember> list("personId = ?1 and memberSince = ?2", child.personId, previousBirthDate)
                .forEach(member -> member.memberSince = facts.birthDate());
        registration.eventDate = facts.birthDate();
        HouseholdMember.currentOf(child.personId).ifPresent(
                member -> snapshots.publish(member.householdId, "CORRECTION", effectiveFrom, context.correlationId()));
    }

    private void applyDeath(Registration registration, LocalDate previousDate, LocalDate newDate,
            LocalDate effectiveFrom, WriteContext context) {
        Person deceased = Person.findById(registration.subjectPersonId);
        deceased.dateOfDeath = newDate;
        registration.eventDate = newDate;
        for (HouseholdMember member : HouseholdMember.<HouseholdMember> list("personId = ?1 and memberUntil = ?2",
                deceased.personId, previousDate)) {
            member.memberUntil = newDate;
            snapshots.publish(member.householdId, "CORRECTION", effectiveFrom, context.correlationId());
        }
    }

    /**
     * The date the correction takes effect: for typographical and quality-assurance corrections the original event
     * date (the earlier of the date registered first and the corrected one); for a formal correction the registry's
     * date, by default today.
     */
    private LocalDate effectiveFrom(CorrectionRequest request, Registration registration, LocalDate correctedEventDate,
            FieldErrors errors, LocalDate today) {
        LocalDate original = originalEventDate(registration);
        if ("formal_correction".equals(request.reason())) {
            LocalDate given = Dates.past(errors, "effectiveFrom", request.effectiveFrom(), false, today);
            if (given != null && correctedEventDate != null && given.isBefore(correctedEventDate)) {
                errors.add("effectiveFrom", "before_event_date",
                        "is before the registered event (" + correctedEventDate + ")");
            }
            return given != null ? given : today;
        }
        LocalDate fixed = correctedEventDate == null || original.isBefore(correctedEventDate) ? original
                : correctedEventDate;
        if (request.effectiveFrom() != null && !request.effectiveFrom().equals(fixed.toString())) {
            errors.add("effectiveFrom", "fixed_by_reason", "a " + request.reason()
                    + " correction takes effect from the original event date, " + fixed + "; leave effectiveFrom out");
        }
        return fixed;
    }

    private LocalDate originalEventDate(Registration registration) {
        JsonNode first = read(registration.requestJson);
        String field = Registration.BIRTH.equals(registration.kind) ? "birthDate" : "dateOfDeath";
        LocalDate original = Dates.of(first.path(field).asText(null));
        return original == null || registration.eventDate.isBefore(original) ? registration.eventDate : original;
    }

    private static List<FieldChange> noChangeRefused(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            throw ProblemException.unprocessable("no_change", "The changes leave the registration as it is.", List.of());
        }
        return changes;
    }

    private <T> T convert(JsonNode node, Class<T> type, FieldErrors errors) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).reduce((a, b) -> a + "." + b).orElse("");
            errors.add(field.isEmpty() ? "changes" : "changes." + field, "wrong_type", "has the wrong type");
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
