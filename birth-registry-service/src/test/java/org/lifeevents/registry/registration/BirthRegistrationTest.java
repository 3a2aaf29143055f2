package org.lifeevents.registry.registration;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class BirthRegistrationTest {

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void aBirthJoinsTheMothersHouseholdAndIsPublishedWithTheNewHouseholdState() {
        String registry = new KeycloakTokens(realmUrl).registry();
        String mother = PersonId.of("F", java.time.LocalDate.of(1991, 4, 2), 101).value();
        String child = PersonId.of("M", java.time.LocalDate.of(2026, 2, 1), 102).value();
        loadHousehold(registry, "H-BRT-1", mother);

        given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(birth("B-BRT-1", child, mother))
                .when().post("/registrations/births")
                .then().statusCode(201)
                .body("householdId", equalTo("H-BRT-1"))
                .body("subjectPersonId", equalTo(child));

        TopicReader topics = new TopicReader(bootstrap);
        BirthRegisteredEvent birth = topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getMother().getPersonId()).isEqualTo(mother);
        assertThat(birth.getBirth().getHouseholdId()).isEqualTo("H-BRT-1");
        HouseholdChangedEvent household = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals("H-BRT-1") && e.getReason().equals("BIRTH"), 1).get(0);
        assertThat(household.getMembers()).extracting(m -> m.getPersonId()).containsExactlyInAnyOrder(mother, child);
        assertThat(household.getMembers().stream().filter(m -> m.getPersonId().equals(child)).findFirst().orElseThrow()
                .getLegalParentIds()).containsExactly(mother);
        assertThat(outboxRows(birth.getEventId())).isEqualTo(1);
    }

    @Test
    void theSameRegistrationTwiceAnswersTheSameAndPublishesOnce() {
        String registry = new KeycloakTokens(realmUrl).registry();
        String mother = PersonId.of("F", java.time.LocalDate.of(1990, 1, 5), 201).value();
        String child = PersonId.of("F", java.time.LocalDate.of(2026, 2, 3), 202).value();
        loadHousehold(registry, "H-BRT-2", mother);
        Map<String, Object> body = birth("B-BRT-2", child, mother);

        String first = given().auth().oauth2(registry).contentType(ContentType.JSON).body(body)
                .post("/registrations/births").then().statusCode(201).extract().asString();
        String second = given().auth().oauth2(registry).contentType(ContentType.JSON).body(body)
                .post("/registrations/births").then().statusCode(201).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(new TopicReader(bootstrap).await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1)).hasSize(1);
    }

    @Test
    void theSameNumberWithADifferentBodyIsAConflictNamingTheDifference() {
        String registry = new KeycloakTokens(realmUrl).registry();
        String mother = PersonId.of("F", java.time.LocalDate.of(1989, 7, 7), 301).value();
        String child = PersonId.of("M", java.time.LocalDate.of(2026, 2, 4), 302).value();
        loadHousehold(registry, "H-BRT-3", mother);
        given().auth().oauth2(registry).contentType(ContentType.JSON).body(birth("B-BRT-3", child, mother))
                .post("/registrations/births").then().statusCode(201);

        Map<String, Object> changed = birth("B-BRT-3", child, mother);
        changed.put("givenNames", "Other");

        given().auth().oauth2(registry).contentType(ContentType.JSON).body(changed)
                .post("/registrations/births")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("registration_number_reused"))
                .body("errors.field", equalTo(List.of("givenNames")));
    }

    @Test
    void invalidFieldsAreAllListedAndNothingIsStored() {
        String registry = new KeycloakTokens(realmUrl).registry();
        Map<String, Object> body = birth("B-BRT-4", "62603020014", "49403136516");
        body.put("birthDate", "2999-01-01");
        body.remove("placeOfBirth");

        given().auth().oauth2(registry).contentType(ContentType.JSON).body(body)
                .post("/registrations/births")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("childId", "motherId", "birthDate", "placeOfBirth"))
                .body("errors.code", hasItem("invalid_person_id"))
                .body("correlationId", org.hamcrest.Matchers.notNullValue());
        assertThat(entityManager.createNativeQuery("select count(*) from registration where registration_number = 'B-BRT-4'")
                .getSingleResult()).isEqualTo(0L);
    }

    @Test
    void onlyTheRegistryMayRegister() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        Map<String, Object> body = birth("B-BRT-5", "62603020013", "49403136515");

        given().contentType(ContentType.JSON).body(body).post("/registrations/births")
                .then().statusCode(401).contentType("application/problem+json");
        for (String user : List.of("kati", "carl", "aino")) {
            given().auth().oauth2(tokens.person(user)).contentType(ContentType.JSON).body(body)
                    .post("/registrations/births")
                    .then().statusCode(403).body("code", equalTo("forbidden"));
        }
    }

    private long outboxRows(String eventId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where event_id = cast(?1 as uuid)")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    static void loadHousehold(String token, String householdId, String motherId) {
        PersonId mother = new PersonId(motherId);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "INITIAL_LOAD",
                        "address",
                        Map.of("street", "Pikk 1", "postalCode", "10123", "municipality", "Tallinn", "countryCode", "EE"),
                        "members", List.of(Map.of("personId", motherId, "givenNames", "Anna", "familyName", "Test",
                                "sex", "F", "birthDate", mother.birthDate().toString()))))
                .put("/households/" + householdId)
                .then().statusCode(200);
    }

    static Map<String, Object> birth(String number, String childId, String motherId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("registrationNumber", number);
        body.put("childId", childId);
        body.put("givenNames", "Mari");
        body.put("familyName", "Test");
        body.put("sex", "F");
        body.put("birthDate", "2026-02-01");
        body.put("placeOfBirth", "Tallinn");
        body.put("motherId", motherId);
        body.put("childrenInBirth", 1);
        body.put("birthOrder", 1);
        return body;
    }
}
