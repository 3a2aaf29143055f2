package org.lifeevents.registry.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.ParentRecord;
import org.lifeevents.registry.household.HouseholdMember;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.PopulationRegister;
import org.lifeevents.registry.household.ResponsibleAdult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers births: the child enters the population register and the mother's household, and the birth and the new
 * household state leave through the outbox in the same transaction.
 */
@ApplicationScoped
@Transactional
public class BirthRegistrationService {

    static final String KIND = "BIRTH";

    @Inject
    Outbox outbox;

    @Inject
    PopulationRegister register;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** Registers the birth, or returns the first answer when the same registration number came with the same body. */
    public RegistrationReceipt register(BirthRegistrationRequest request, String correlationId) {
        lockRegistrationNumber(request.registrationNumber());
        Registration earlier = Registration.findById(request.registrationNumber());
        JsonNode body = json.valueToTree(request);
        if (earlier != null) {
            return sameAnswerOrConflict(earlier, body);
        }
        Person mother = knownParent(request.motherId(), "motherId");
        Person father = knownParent(request.fatherId(), "fatherId");
        if (Person.findById(request.childId()) != null) {
            throw ProblemException.conflict("person_exists", "Person " + request.childId() + " is already registered.");
        }
        Person child = new Person();
        child.personId = request.childId();
        child.givenNames = request.givenNames();
        child.familyName = request.familyName();
        child.sex = request.sex();
        child.birthDate = request.birthDate();
        child.childrenInBirth = request.childrenInBirth();
        child.birthOrder = request.birthOrder();
        child.persist();
        if (mother != null) {
            ResponsibleAdult.add(child.personId, mother.personId, ResponsibleAdult.PARENT);
        }
        if (father != null) {
            ResponsibleAdult.add(child.personId, father.personId, ResponsibleAdult.PARENT);
        }
        // The newborn joins the mother's household; the father's when the mother has none in the register.
        String householdId = householdOf(mother).orElseGet(() -> householdOf(father).orElse(null));
        if (householdId != null) {
            register.join(householdId, child.personId, request.birthDate());
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BirthRegisteredEvent event = BirthRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setRegisteredAt(now)
                .setBirth(BirthRecord.newBuilder()
                        .setRegistrationId(request.registrationNumber())
                        .setChildId(request.childId())
                        .setGivenNames(request.givenNames())
                        .setFamilyName(request.familyName())
                        .setSex(request.sex())
                        .setBirthDate(request.birthDate())
                        .setBirthTime(request.birthTime())
                        .setPlaceOfBirth(request.placeOfBirth())
                        .setMother(parentRecord(mother))
                        .setFather(parentRecord(father))
                        .setChildrenInBirth(request.childrenInBirth())
                        .setBirthOrder(request.birthOrder())
                        .setHouseholdId(householdId)
                        .build())
                .build();
        outbox.publish(Topics.REGISTRATIONS, request.childId(), event);
        if (householdId != null) {
            register.publish(register.lockOrCreate(householdId), "BIRTH", request.birthDate(), correlationId);
        }

        RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), KIND, request.childId(),
                householdId, correlationId, now);
        Registration registration = new Registration();
        registration.registrationNumber = request.registrationNumber();
        registration.kind = KIND;
        registration.subjectPersonId = request.childId();
        registration.requestJson = body.toString();
        registration.responseJson = json.valueToTree(receipt).toString();
        registration.correlationId = correlationId;
        registration.registeredAt = now;
        registration.persist();
        return receipt;
    }

    private RegistrationReceipt sameAnswerOrConflict(Registration earlier, JsonNode body) {
        try {
            JsonNode first = json.readTree(earlier.requestJson);
            List<Problem.FieldError> differences = differences(first, body);
            if (!differences.isEmpty()) {
                throw new ProblemException(409, "registration_number_reused", "Conflict",
                        "Registration " + earlier.registrationNumber + " was registered with a different body.", differences);
            }
            return json.readValue(earlier.responseJson, RegistrationReceipt.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Problem.FieldError> differences(JsonNode first, JsonNode now) {
        List<Problem.FieldError> differences = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = now.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode before = first.path(field.getKey());
            if (!before.equals(field.getValue()) && !(before.isMissingNode() && field.getValue().isNull())) {
                differences.add(new Problem.FieldError(field.getKey(), "differs_from_first_registration",
                        "was " + before + ", now " + field.getValue()));
            }
        }
        return differences;
    }

    private Person knownParent(String personId, String field) {
        if (personId == null) {
            return null;
        }
        Person parent = Person.findById(personId);
        if (parent == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError(field, "unknown_person",
                    "is not in the population register")));
        }
        return parent;
    }

    private static java.util.Optional<String> householdOf(Person person) {
        return person == null ? java.util.Optional.empty()
                : HouseholdMember.currentOf(person.personId).map(member -> member.householdId);
    }

    private static ParentRecord parentRecord(Person person) {
        return person == null ? null
                : ParentRecord.newBuilder()
                        .setPersonId(person.personId)
                        .setGivenNames(person.givenNames)
                        .setFamilyName(person.familyName)
                        .setInPopulationRegister(person.inPopulationRegister)
                        .build();
    }

    /** Serialises writes of one registration number, so two identical requests at once give one registration. */
    private void lockRegistrationNumber(String registrationNumber) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "registration:" + registrationNumber)
                .getSingleResult();
    }
}
