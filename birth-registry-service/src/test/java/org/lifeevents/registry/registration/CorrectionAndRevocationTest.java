package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.FieldChange;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.events.registry.RegistrationRevokedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lifeevents.registry.TestData.birth;
import static org.lifeevents.registry.TestData.death;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

@QuarkusTest
class CorrectionAndRevocationTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void aFatherAcknowledgedLaterIsAFormalCorrectionEffectiveFromItsDate() {
        String mother = personId("F", LocalDate.of(1990, 2, 2));
        String father = personId("M", LocalDate.of(1989, 3, 3));
        String child = personId("M", LocalDate.of(2026, 1, 3));
        String home = number("H");
        household(home, member(mother, "Anna"));
        household(number("H"), member(father, "Jaak"));
        String registration = number("B");
        registry().body(birth(registration, child, mother)).post("/registrations/births").then().statusCode(201);
        Map<String, Object> correction = correction("formal_correction", Map.of("fatherId", father));

        registry().body(correction).post("/registrations/" + registration + "/corrections")
                .then().statusCode(201)
                .body("effectiveFrom", equalTo(LocalDate.now(clock).toString()))
                .body("changes.field", equalTo(List.of("father")))
                .body("changes[0].previousValue", equalTo(null))
                .body("changes[0].newValue", equalTo(father));

        TopicReader topics = new TopicReader(bootstrap);
        RegistrationCorrectedEvent event = topics.await(Topics.REGISTRATIONS, RegistrationCorrectedEvent.class,
                e -> e.getRegistrationId().equals(registration), 1).get(0);
        assertThat(event.getReason()).isEqualTo("FORMAL_CORRECTION");
        assertThat(event.getRegistrationKind()).isEqualTo("BIRTH");
        assertThat(event.getSubjectPersonId()).isEqualTo(child);
        assertThat(event.getEffectiveFrom()).isEqualTo(LocalDate.now(clock));
        assertThat(event.getCorrectedBy()).isEqualTo("official 4711");
        assertThat(event.getCorrectedAt()).isNotNull();
        assertThat(event.getChanges()).extracting(FieldChange::getField, FieldChange::getPreviousValue,
                FieldChange::getNewValue).containsExactly(tuple("father", null, father));
        assertThat(event.getCorrectedBirth().getFather().getPersonId()).isEqualTo(father);
        assertThat(event.getCorrectedBirth().getMother().getPersonId()).isEqualTo(mother);
        assertThat(event.getCorrectedBirth().getHouseholdId()).isEqualTo(home);
        assertThat(count("select count(*) from outbox_event where event_id = cast('" + event.getEventId()
                + "' as uuid)")).isEqualTo(1);
        HouseholdChangedEvent snapshot = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(home) && e.getReason().equals("CORRECTION"), 1).get(0);
        assertThat(snapshot.getMembers().stream().filter(m -> m.getPersonId().equals(child)).findFirst().orElseThrow()
                .getLegalParentIds()).containsExactlyInAnyOrder(mother, father);

        registry().get("/registrations/" + registration).then().statusCode(200)
                .body("record.fatherId", equalTo(father));
        registry().get("/registrations/" + registration + "/history").then().statusCode(200)
                .body("kind", equalTo(List.of("BIRTH", "CORRECTION")));
    }

    @Test
    void aTypographicalFixOfTheBirthDateTakesEffectFromTheOriginalEventDate() {
        String mother = personId("F", LocalDate.of(1991, 4, 4));
        String child = personId("F", LocalDate.of(2026, 1, 12));
        household(number("H"), member(mother, "Anna"));
        String registration = number("B");
        Map<String, Object> body = birth(registration, child, mother);
        body.put("birthDate", "2026-01-14");
        registry().body(body).post("/registrations/births").then().statusCode(201);

        registry().body(correction("typographical", Map.of("birthDate", "2026-01-12", "givenNames", "Maria")))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(201)
                .body("effectiveFrom", equalTo("2026-01-12"))
                .body("changes.field", containsInAnyOrder("birthDate", "givenNames"));

        RegistrationCorrectedEvent event = new TopicReader(bootstrap).await(Topics.REGISTRATIONS,
                RegistrationCorrectedEvent.class, e -> e.getRegistrationId().equals(registration), 1).get(0);
        assertThat(event.getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(event.getChanges()).extracting(FieldChange::getField, FieldChange::getPreviousValue,
                FieldChange::getNewValue)
                .contains(tuple("birthDate", "2026-01-14", "2026-01-12"), tuple("givenNames", "Mari", "Maria"));
        assertThat(event.getCorrectedBirth().getBirthDate()).isEqualTo(LocalDate.of(2026, 1, 12));

        Map<String, Object> withDate = correction("quality_assurance", Map.of("placeOfBirth", "Tartu"));
        withDate.put("effectiveFrom", "2026-02-01");
        registry().body(withDate).post("/registrations/" + registration + "/corrections")
                .then().statusCode(400)
                .body("errors.code", equalTo(List.of("fixed_by_reason")));
    }

    @Test
    void correctionsAreIdempotentAndCheckedLikeRegistrations() {
        String mother = personId("F", LocalDate.of(1992, 5, 5));
        String child = personId("M", LocalDate.of(2026, 1, 13));
        household(number("H"), member(mother, "Anna"));
        String registration = number("B");
        registry().body(birth(registration, child, mother)).post("/registrations/births").then().statusCode(201);
        Map<String, Object> correction = correction("typographical", Map.of("familyName", "Tamm"));

        String first = registry().body(correction).post("/registrations/" + registration + "/corrections")
                .then().statusCode(201).extract().asString();
        assertThat(registry().body(correction).post("/registrations/" + registration + "/corrections")
                .then().statusCode(201).extract().asString()).isEqualTo(first);
        Map<String, Object> different = new HashMap<>(correction);
        different.put("changes", Map.of("familyName", "Kask"));
        registry().body(different).post("/registrations/" + registration + "/corrections")
                .then().statusCode(409)
                .body("code", equalTo("correction_number_reused"))
                .body("errors.field", equalTo(List.of("correction.changes.familyName")));

        registry().body(correction("typographical", Map.of("childId", "60101010000", "colour", "blue")))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(400)
                .body("errors.code", containsInAnyOrder("not_correctable", "unknown_field"));
        registry()
                .body(correction("typographical",
                        Map.of("birthDate", LocalDate.now(clock).plusDays(1).toString(), "birthOrder", 3)))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("changes.birthDate", "changes.birthOrder"));
        registry().body(correction("typographical", Map.of("familyName", "Tamm")))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(422)
                .body("code", equalTo("no_change"));
        registry().body(correction("typographical", Map.of("familyName", "X")))
                .post("/registrations/B-NO-SUCH/corrections")
                .then().statusCode(404);
        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.REGISTRATIONS, RegistrationCorrectedEvent.class,
                e -> e.getRegistrationId().equals(registration), 1);
        assertThat(topics.read(Topics.REGISTRATIONS, RegistrationCorrectedEvent.class).stream()
                .filter(e -> e.getRegistrationId().equals(registration))).hasSize(1);
    }

    @Test
    void aCorrectedDateOfDeathMovesTheEndOfTheMembership() {
        String person = personId("M", LocalDate.of(1955, 5, 5));
        String home = number("H");
        household(home, member(person, "Ants"));
        String registration = number("D");
        registry().body(death(registration, person, "2026-01-20")).post("/registrations/deaths").then().statusCode(201);

        registry().body(correction("quality_assurance", Map.of("dateOfDeath", "2026-01-18")))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(201)
                .body("effectiveFrom", equalTo("2026-01-18"));

        RegistrationCorrectedEvent event = new TopicReader(bootstrap).await(Topics.REGISTRATIONS,
                RegistrationCorrectedEvent.class, e -> e.getRegistrationId().equals(registration), 1).get(0);
        assertThat(event.getRegistrationKind()).isEqualTo("DEATH");
        assertThat(event.getCorrectedDeath().getDateOfDeath()).isEqualTo(LocalDate.of(2026, 1, 18));
        assertThat(event.getCorrectedDeath().getHouseholdId()).isEqualTo(home);
        assertThat(count("select count(*) from household_member where person_id = '" + person
                + "' and member_until = date '2026-01-18'")).isEqualTo(1);
    }

    @Test
    void aRevokedBirthTakesTheChildOutOfTheRegisterAndCannotBeCorrected() {
        String mother = personId("F", LocalDate.of(1993, 6, 6));
        String child = personId("F", LocalDate.of(2026, 1, 14));
        String home = number("H");
        household(home, member(mother, "Anna"));
        String registration = number("B");
        registry().body(birth(registration, child, mother)).post("/registrations/births").then().statusCode(201);
        Map<String, Object> revocation = Map.of("reason", "Registered twice by the hospital", "revokedBy", "official 4711");

        String first = registry().body(revocation).post("/registrations/" + registration + "/revocation")
                .then().statusCode(200)
                .body("subjectPersonId", equalTo(child))
                .extract().asString();
        assertThat(registry().body(revocation).post("/registrations/" + registration + "/revocation")
                .then().statusCode(200).extract().asString()).isEqualTo(first);
        registry().body(Map.of("reason", "Another reason", "revokedBy", "official 4711"))
                .post("/registrations/" + registration + "/revocation")
                .then().statusCode(409)
                .body("code", equalTo("registration_already_revoked"))
                .body("errors.field", equalTo(List.of("reason")));

        TopicReader topics = new TopicReader(bootstrap);
        RegistrationRevokedEvent event = topics.await(Topics.REGISTRATIONS, RegistrationRevokedEvent.class,
                e -> e.getRegistrationId().equals(registration), 1).get(0);
        assertThat(event.getSubjectPersonId()).isEqualTo(child);
        assertThat(event.getRegistrationKind()).isEqualTo("BIRTH");
        assertThat(event.getRevokedBy()).isEqualTo("official 4711");
        HouseholdChangedEvent snapshot = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(home) && e.getReason().equals("REVOCATION"), 1).get(0);
        assertThat(snapshot.getMembers()).extracting(m -> m.getPersonId()).containsExactly(mother);
        registry().get("/households/" + home).then().body("members.personId", not(hasItem(child)));
        registry().get("/registrations/" + registration).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        registry().get("/registrations/" + registration + "/history").then()
                .body("kind", equalTo(List.of("BIRTH", "REVOCATION")));
        registry().body(correction("typographical", Map.of("givenNames", "Liis")))
                .post("/registrations/" + registration + "/corrections")
                .then().statusCode(409)
                .body("code", equalTo("registration_revoked"));
        // The child can be registered again, correctly, under a new number.
        registry().body(birth(number("B"), child, mother)).post("/registrations/births").then().statusCode(201);
    }

    @Test
    void aRevokedDeathBringsThePersonBackIntoTheirHouseholdAndMarriage() {
        String husband = personId("M", LocalDate.of(1961, 1, 1));
        String wife = personId("F", LocalDate.of(1962, 2, 2));
        String home = number("H");
        Map<String, Object> h = member(husband, "Ants");
        h.put("spouseId", wife);
        Map<String, Object> w = member(wife, "Helgi");
        w.put("spouseId", husband);
        household(home, h, w);
        String registration = number("D");
        registry().body(death(registration, husband, "2026-01-25")).post("/registrations/deaths").then().statusCode(201);

        registry().body(Map.of("reason", "Wrong person", "revokedBy", "official 4711"))
                .post("/registrations/" + registration + "/revocation")
                .then().statusCode(200);

        registry().get("/persons/" + husband).then().statusCode(200)
                .body("dateOfDeath", equalTo(null))
                .body("householdId", equalTo(home));
        registry().get("/persons/" + wife).then().body("spouseId", equalTo(husband));
        HouseholdChangedEvent snapshot = new TopicReader(bootstrap).await(Topics.HOUSEHOLDS,
                HouseholdChangedEvent.class, e -> e.getHouseholdId().equals(home) && e.getReason().equals("REVOCATION"),
                1).get(0);
        assertThat(snapshot.getMembers()).extracting(m -> m.getPersonId()).containsExactlyInAnyOrder(husband, wife);
        assertThat(snapshot.getMembers()).allSatisfy(m -> assertThat(m.getDateOfDeath()).isNull());
    }

    private static Map<String, Object> correction(String reason, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("correctionNumber", number("C"));
        body.put("reason", reason);
        body.put("correctedBy", "official 4711");
        body.put("changes", changes);
        return body;
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
