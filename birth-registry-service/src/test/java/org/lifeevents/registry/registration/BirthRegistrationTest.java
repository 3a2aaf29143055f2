package org.lifeevents.registry.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.lifeevents.registry.TestData.birth;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

@QuarkusTest
class BirthRegistrationTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void aBirthJoinsTheMothersHouseholdAndIsPublishedWithTheNewHouseholdState() {
        String mother = personId("F", LocalDate.of(1991, 4, 2));
        String father = personId("M", LocalDate.of(1990, 1, 1));
        String child = personId("M", LocalDate.of(2026, 2, 1));
        String home = number("H");
        household(home, member(mother, "Anna"));
        household(number("H"), member(father, "Peeter"));
        Map<String, Object> body = birth(number("B"), child, mother);
        body.put("fatherId", father);
        body.put("birthTime", "08:15");

        registry().body(body).post("/registrations/births")
                .then().statusCode(201)
                .body("householdId", equalTo(home))
                .body("subjectPersonId", equalTo(child))
                .body("kind", equalTo("BIRTH"));

        TopicReader topics = new TopicReader(bootstrap);
        BirthRegisteredEvent birth = topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getMother().getPersonId()).isEqualTo(mother);
        assertThat(birth.getBirth().getMother().getGivenNames()).isEqualTo("Anna");
        assertThat(birth.getBirth().getMother().getInPopulationRegister()).isTrue();
        assertThat(birth.getBirth().getFather().getPersonId()).isEqualTo(father);
        assertThat(birth.getBirth().getHouseholdId()).isEqualTo(home);
        assertThat(birth.getBirth().getBirthTime()).hasToString("08:15");
        HouseholdChangedEvent household = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(home) && e.getReason().equals("BIRTH"), 1).get(0);
        assertThat(household.getVersion()).isEqualTo(2);
        assertThat(household.getMembers()).extracting(m -> m.getPersonId()).containsExactlyInAnyOrder(mother, child);
        assertThat(household.getMembers().stream().filter(m -> m.getPersonId().equals(child)).findFirst().orElseThrow()
                .getLegalParentIds()).containsExactlyInAnyOrder(mother, father);
        assertThat(outboxRows(birth.getEventId())).isEqualTo(1);
    }

    @Test
    void aForeignFatherMarkedAsNotInTheRegisterIsAcceptedAndFlagged() {
        String mother = personId("F", LocalDate.of(1992, 3, 3));
        String child = personId("F", LocalDate.of(2026, 1, 20));
        household(number("H"), member(mother, "Maria"));
        Map<String, Object> body = birth(number("B"), child, mother);
        body.put("father", Map.of("givenNames", "Pierre", "familyName", "Martin", "notInPopulationRegister", true));

        registry().body(body).post("/registrations/births").then().statusCode(201);

        BirthRegisteredEvent birth = new TopicReader(bootstrap).await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getFather().getInPopulationRegister()).isFalse();
        assertThat(birth.getBirth().getFather().getPersonId()).isNull();
        assertThat(birth.getBirth().getFather().getFamilyName()).isEqualTo("Martin");
        assertThat(birth.getBirth().getMother().getInPopulationRegister()).isTrue();
    }

    @Test
    void aBirthThatNamesNoParentIsRefusedAndStoresNothing() {
        String child = personId("F", LocalDate.of(2026, 1, 22));
        registry().body(birth(number("B"), child, null)).post("/registrations/births")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("motherId"))
                .body("errors.code", hasItem("parent_required"));
        assertThat(count("select count(*) from person where person_id = '" + child + "'")).isZero();
    }

    @Test
    void aParentNotInTheRegisterIsRefusedUnlessMarked() {
        String unknownMother = personId("F", LocalDate.of(1993, 5, 5));
        String child = personId("M", LocalDate.of(2026, 1, 21));
        String number = number("B");

        registry().body(birth(number, child, unknownMother)).post("/registrations/births")
                .then().statusCode(400)
                .body("errors.field", hasItem("motherId"))
                .body("errors.code", hasItem("unknown_person"));
        assertThat(count("select count(*) from person where person_id = '" + child + "'")).isZero();

        Map<String, Object> marked = birth(number, child, null);
        marked.put("mother", Map.of("personId", unknownMother, "givenNames", "Olga", "familyName", "Ivanova",
                "notInPopulationRegister", true));
        registry().body(marked).post("/registrations/births")
                .then().statusCode(201)
                .body("householdId", nullValue());
        BirthRegisteredEvent birth = new TopicReader(bootstrap).await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getMother().getPersonId()).isEqualTo(unknownMother);
        assertThat(birth.getBirth().getMother().getInPopulationRegister()).isFalse();
        assertThat(birth.getBirth().getHouseholdId()).isNull();
    }

    @Test
    void whenTheMotherIsNotAResidentTheNewbornJoinsTheFathersHousehold() {
        String father = personId("M", LocalDate.of(1988, 8, 8));
        String child = personId("F", LocalDate.of(2026, 1, 22));
        String fathersHome = number("H");
        household(fathersHome, member(father, "Jüri"));
        Map<String, Object> body = birth(number("B"), child, null);
        body.put("mother", Map.of("givenNames", "Anna", "familyName", "Kowalska", "notInPopulationRegister", true));
        body.put("fatherId", father);

        registry().body(body).post("/registrations/births")
                .then().statusCode(201)
                .body("householdId", equalTo(fathersHome));
        registry().get("/households/" + fathersHome)
                .then().statusCode(200)
                .body("members.personId", containsInAnyOrder(father, child));
    }

    @Test
    void theSameRegistrationTwiceAnswersTheSameAndPublishesOnce() {
        String mother = personId("F", LocalDate.of(1990, 1, 5));
        String child = personId("F", LocalDate.of(2026, 2, 3));
        household(number("H"), member(mother, "Anna"));
        Map<String, Object> body = birth(number("B"), child, mother);

        String first = registry().body(body).post("/registrations/births").then().statusCode(201).extract().asString();
        String second = registry().body(body).post("/registrations/births").then().statusCode(201).extract().asString();

        assertThat(second).isEqualTo(first);
        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class, e -> e.getBirth().getChildId().equals(child), 1);
        assertThat(topics.read(Topics.REGISTRATIONS, BirthRegisteredEvent.class).stream()
                .filter(e -> e.getBirth().getChildId().equals(child))).hasSize(1);
    }

    @Test
    void theSameNumberWithADifferentBodyIsAConflictNamingTheDifferences() {
        String mother = personId("F", LocalDate.of(1989, 7, 7));
        String child = personId("M", LocalDate.of(2026, 2, 4));
        household(number("H"), member(mother, "Anna"));
        String number = number("B");
        registry().body(birth(number, child, mother)).post("/registrations/births").then().statusCode(201);

        Map<String, Object> changed = birth(number, child, mother);
        changed.put("givenNames", "Other");
        changed.put("mother", Map.of("givenNames", "X", "familyName", "Y", "notInPopulationRegister", true));

        registry().body(changed).post("/registrations/births")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("registration_number_reused"))
                .body("errors.field", containsInAnyOrder("givenNames", "mother"))
                .body("errors.code", hasItem("differs_from_first_request"));
    }

    @Test
    void invalidFieldsAreAllListedAtOnceAndNothingIsStored() {
        String number = number("B");
        Map<String, Object> body = birth(number, "62603020014", "49403136516");
        body.put("birthDate", LocalDate.now(clock).plusDays(1).toString());
        body.put("birthTime", "25:99");
        body.remove("placeOfBirth");
        body.put("childrenInBirth", 1);
        body.put("birthOrder", 2);

        registry().body(body).post("/registrations/births")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("childId", "motherId", "birthDate", "birthTime", "placeOfBirth",
                        "birthOrder"))
                .body("errors.code", hasItems("invalid_person_id", "in_future", "invalid_time", "required",
                        "exceeds_children_in_birth"))
                .body("correlationId", notNullValue());
        assertThat(count("select count(*) from registration where registration_number = '" + number + "'")).isZero();
        assertThat(count("select count(*) from registry_write where write_number = '" + number + "'")).isZero();
    }

    @Test
    void anImpossibleDateAndAChildOlderThanItsMotherAreRefused() {
        String mother = personId("F", LocalDate.of(2025, 12, 1));
        household(number("H"), member(mother, "Young"));
        String child = personId("M", LocalDate.of(2025, 11, 30));
        Map<String, Object> body = birth(number("B"), child, mother);

        registry().body(body).post("/registrations/births")
                .then().statusCode(400)
                .body("errors.field", hasItem("motherId"))
                .body("errors.code", hasItem("born_after_child"));

        body.put("birthDate", "2026-02-30");
        registry().body(body).post("/registrations/births")
                .then().statusCode(400)
                .body("errors.find { it.field == 'birthDate' }.code", equalTo("invalid_date"));
    }

    @Test
    void twinsRegisteredSeparatelyMustAgreeOnTheBirth() {
        String mother = personId("F", LocalDate.of(1994, 6, 6));
        household(number("H"), member(mother, "Kadri"));
        String first = personId("F", LocalDate.of(2026, 1, 10));
        String second = personId("M", LocalDate.of(2026, 1, 10));
        String third = personId("M", LocalDate.of(2026, 1, 10));
        Map<String, Object> firstTwin = birth(number("B"), first, mother);
        firstTwin.put("childrenInBirth", 2);
        firstTwin.put("birthOrder", 1);
        registry().body(firstTwin).post("/registrations/births").then().statusCode(201);

        Map<String, Object> disagreeing = birth(number("B"), second, mother);
        disagreeing.put("childrenInBirth", 3);
        disagreeing.put("birthOrder", 1);
        registry().body(disagreeing).post("/registrations/births")
                .then().statusCode(400)
                .body("errors.code", hasItems("disagrees_with_sibling", "taken_by_sibling"));

        Map<String, Object> secondTwin = birth(number("B"), second, mother);
        secondTwin.put("childrenInBirth", 2);
        secondTwin.put("birthOrder", 2);
        registry().body(secondTwin).post("/registrations/births").then().statusCode(201);

        Map<String, Object> aThird = birth(number("B"), third, mother);
        aThird.put("childrenInBirth", 2);
        aThird.put("birthOrder", 2);
        registry().body(aThird).post("/registrations/births")
                .then().statusCode(400)
                .body("errors.code", hasItems("taken_by_sibling", "more_children_than_stated"));
    }

    @Test
    void aChildWhoseBirthIsRegisteredCannotBeRegisteredAgainUnderAnotherNumber() {
        String mother = personId("F", LocalDate.of(1991, 1, 1));
        String child = personId("F", LocalDate.of(2026, 1, 5));
        household(number("H"), member(mother, "Anna"));
        registry().body(birth(number("B"), child, mother)).post("/registrations/births").then().statusCode(201);

        registry().body(birth(number("B"), child, mother)).post("/registrations/births")
                .then().statusCode(409)
                .body("code", equalTo("birth_already_registered"));
    }

    @Test
    void aRegistrationAndItsHistoryCanBeRead() {
        String mother = personId("F", LocalDate.of(1987, 2, 2));
        String child = personId("M", LocalDate.of(2026, 1, 6));
        household(number("H"), member(mother, "Anna"));
        String number = number("B");
        registry().body(birth(number, child, mother)).post("/registrations/births").then().statusCode(201);

        registry().get("/registrations/" + number)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("kind", equalTo("BIRTH"))
                .body("record.childId", equalTo(child))
                .body("eventDate", equalTo("2026-01-06"));
        registry().get("/registrations/" + number + "/history")
                .then().statusCode(200)
                .body("kind", equalTo(List.of("BIRTH")))
                .body("[0].recordedBy", equalTo("service-account-registry-system"))
                .body("[0].request.childId", equalTo(child));
        registry().get("/registrations/B-NO-SUCH").then().statusCode(404).body("code",
                equalTo("registration_not_found"));
    }

    private long outboxRows(String eventId) {
        return count("select count(*) from outbox_event where event_id = cast('" + eventId + "' as uuid)");
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
