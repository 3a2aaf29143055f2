package org.lifeevents.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

@QuarkusTest
class PopulationRegisterTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aPersonIsLookedUpOnlyByAPersonIdExactlyAndAHouseholdByAValidId() {
        String person = personId("F", LocalDate.of(1981, 1, 2));
        household(number("H"), member(person, "Mari"));
        registry().get("/persons/" + person).then().statusCode(200);
        // char(11) compares "49008010156 " equal to "49008010156": the near miss must not find her
        for (String nearMiss : List.of(person + " ", person.substring(1), person + "0", "4900801015X")) {
            registry().urlEncodingEnabled(true).get("/persons/{id}", nearMiss).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("personId"))
                    .body("errors[0].code", equalTo("invalid_person_id"));
        }
        registry().get("/households/{id}", "H 1").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aLoadThatChangesNothingPublishesNothing() {
        String person = personId("F", LocalDate.of(1980, 1, 1));
        String home = number("H");
        Map<String, Object> body = Map.of("reason", "INITIAL_LOAD", "effectiveFrom", "2020-01-01",
                "members", List.of(member(person, "Anna")));

        registry().body(body).put("/households/" + home).then().statusCode(200)
                .body("version", equalTo(1)).body("changed", equalTo(true));
        registry().body(body).put("/households/" + home).then().statusCode(200)
                .body("version", equalTo(1)).body("changed", equalTo(false));

        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class, e -> e.getHouseholdId().equals(home), 1);
        assertThat(topics.read(Topics.HOUSEHOLDS, HouseholdChangedEvent.class).stream()
                .filter(e -> e.getHouseholdId().equals(home))).hasSize(1);
    }

    @Test
    void aMoveChangesTwoHouseholdsAndPublishesBothWithIncreasingVersions() {
        String mother = personId("F", LocalDate.of(1985, 2, 2));
        String child = personId("M", LocalDate.of(2016, 3, 3));
        String stays = personId("M", LocalDate.of(1984, 4, 4));
        String from = number("H");
        String to = number("H");
        Map<String, Object> childMember = member(child, "Karl");
        childMember.put("legalParentIds", List.of(mother));
        household(from, member(mother, "Kadri"), childMember, member(stays, "Toomas"));
        Map<String, Object> move = new HashMap<>();
        move.put("changeNumber", number("M"));
        move.put("personIds", List.of(mother, child));
        move.put("toHouseholdId", to);
        move.put("address", Map.of("street", "Tähe 4", "postalCode", "50103", "municipality", "Tartu",
                "countryCode", "EE"));
        move.put("effectiveFrom", "2026-02-01");

        String first = registry().body(move).post("/moves").then().statusCode(200)
                .body("households.householdId", containsInAnyOrder(from, to))
                .extract().asString();
        assertThat(registry().body(move).post("/moves").then().statusCode(200).extract().asString()).isEqualTo(first);

        TopicReader topics = new TopicReader(bootstrap);
        HouseholdChangedEvent left = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(from) && e.getReason().equals("MOVE_OUT"), 1).get(0);
        assertThat(left.getVersion()).isEqualTo(2);
        assertThat(left.getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(left.getMembers()).extracting(m -> m.getPersonId()).containsExactly(stays);
        HouseholdChangedEvent joined = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(to) && e.getReason().equals("MOVE_IN"), 1).get(0);
        assertThat(joined.getVersion()).isEqualTo(1);
        assertThat(joined.getAddress().getMunicipality()).isEqualTo("Tartu");
        assertThat(joined.getMembers()).extracting(m -> m.getPersonId()).containsExactlyInAnyOrder(mother, child);
        assertThat(joined.getMembers()).allSatisfy(m -> assertThat(m.getMemberSince()).isEqualTo(LocalDate.of(2026, 2, 1)));

        move.put("effectiveFrom", "2026-02-02");
        registry().body(move).post("/moves").then().statusCode(409)
                .body("code", equalTo("change_number_reused"))
                .body("errors.field", equalTo(List.of("effectiveFrom")));
    }

    @Test
    void aMoveIsCheckedWholeBeforeAnythingChanges() {
        String person = personId("F", LocalDate.of(1986, 5, 5));
        String home = number("H");
        household(home, member(person, "Eva"));
        Map<String, Object> move = new HashMap<>();
        move.put("changeNumber", number("M"));
        move.put("personIds", List.of(person, personId("M", LocalDate.of(1970, 1, 1)), "12345678901"));
        move.put("toHouseholdId", number("H"));
        move.put("effectiveFrom", LocalDate.now(clock).plusDays(1).toString());

        registry().body(move).post("/moves").then().statusCode(400)
                .body("errors.field", hasItems("personIds[1]", "personIds[2]", "address", "effectiveFrom"))
                .body("errors.code", hasItems("unknown_person", "invalid_person_id", "required", "in_future"));
        registry().get("/households/" + home).then().body("members.personId", equalTo(List.of(person)));
    }

    @Test
    void aCustodyChangeReplacesTheGuardiansAndPublishesTheHousehold() {
        String child = personId("F", LocalDate.of(2014, 6, 6));
        String guardian = personId("F", LocalDate.of(1960, 7, 7));
        String home = number("H");
        household(home, member(child, "Mia"), member(guardian, "Helgi"));
        Map<String, Object> custody = Map.of("changeNumber", number("G"), "childId", child, "guardianIds",
                List.of(guardian), "effectiveFrom", "2026-02-03");

        registry().body(custody).post("/custody-changes").then().statusCode(200)
                .body("households[0].householdId", equalTo(home));

        HouseholdChangedEvent snapshot = new TopicReader(bootstrap).await(Topics.HOUSEHOLDS,
                HouseholdChangedEvent.class, e -> e.getHouseholdId().equals(home) && e.getReason().equals("CUSTODY"), 1)
                .get(0);
        assertThat(snapshot.getMembers().stream().filter(m -> m.getPersonId().equals(child)).findFirst().orElseThrow()
                .getGuardianIds()).containsExactly(guardian);
        registry().get("/persons/" + child).then().body("guardianIds", equalTo(List.of(guardian)));

        registry().body(Map.of("changeNumber", number("G"), "childId", guardian, "guardianIds", List.of(child)))
                .post("/custody-changes").then().statusCode(400)
                .body("errors.code", equalTo(List.of("born_after_child")));
    }

    @Test
    void aHouseholdLoadListsEveryProblem() {
        String a = personId("F", LocalDate.of(1990, 1, 1));
        String b = personId("M", LocalDate.of(1991, 1, 1));
        String child = personId("F", LocalDate.of(1995, 1, 1));
        Map<String, Object> first = member(a, "Anna");
        first.put("spouseId", b);
        Map<String, Object> second = member(b, "Bert");
        second.put("birthDate", "1991-02-30");
        Map<String, Object> third = member(child, "Cilli");
        third.put("legalParentIds", List.of(child));
        Map<String, Object> body = Map.of("reason", "INITIAL_LOAD", "members", List.of(first, second, third, first));

        registry().body(body).put("/households/" + number("H")).then().statusCode(400)
                .body("errors.field", hasItems("members[0].spouseId", "members[1].birthDate",
                        "members[2].legalParentIds[0]", "members[3].personId"))
                .body("errors.code", hasItems("spouse_not_mutual", "invalid_date", "same_person", "duplicate_member"));
    }
}
