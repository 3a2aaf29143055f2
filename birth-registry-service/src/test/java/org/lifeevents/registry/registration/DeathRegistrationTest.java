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
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMemberRef;
import org.lifeevents.events.registry.MinorChildRecord;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.lifeevents.registry.TestData.death;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

@QuarkusTest
class DeathRegistrationTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    /**
     * A father dies: spouse, a minor child living with both parents, an adult child, his own mother, and a minor child
     * from an earlier relationship living with that child's mother elsewhere under a guardian.
     */
    @Test
    void aDeathCarriesEverythingConsumersNeedAndTheHouseholdShowsIt() {
        String grandmother = personId("F", LocalDate.of(1950, 3, 3));
        String father = personId("M", LocalDate.of(1975, 5, 5));
        String mother = personId("F", LocalDate.of(1978, 6, 6));
        String minor = personId("F", LocalDate.of(2015, 7, 7));
        String adultChild = personId("M", LocalDate.of(2000, 8, 8));
        String exPartner = personId("F", LocalDate.of(1980, 9, 9));
        String guardian = personId("M", LocalDate.of(1970, 10, 10));
        String halfSibling = personId("M", LocalDate.of(2012, 11, 11));
        household(number("H"), member(grandmother, "Vanaema"));
        String home = number("H");
        Map<String, Object> fatherMember = member(father, "Peeter");
        fatherMember.put("spouseId", mother);
        fatherMember.put("legalParentIds", List.of(grandmother));
        Map<String, Object> motherMember = member(mother, "Mari");
        motherMember.put("spouseId", father);
        Map<String, Object> minorMember = member(minor, "Liisa");
        minorMember.put("legalParentIds", List.of(father, mother));
        Map<String, Object> adultMember = member(adultChild, "Mihkel");
        adultMember.put("legalParentIds", List.of(father, mother));
        household(home, fatherMember, motherMember, minorMember, adultMember);
        String otherHome = number("H");
        Map<String, Object> halfMember = member(halfSibling, "Karl");
        halfMember.put("legalParentIds", List.of(father, exPartner));
        halfMember.put("guardianIds", List.of(guardian));
        household(otherHome, member(exPartner, "Kaja"), halfMember, member(guardian, "Toomas"));
        String number = number("D");

        registry().body(death(number, father, "2026-02-10")).post("/registrations/deaths")
                .then().statusCode(201)
                .body("kind", equalTo("DEATH"))
                .body("householdId", equalTo(home));

        TopicReader topics = new TopicReader(bootstrap);
        DeathRegisteredEvent event = topics.await(Topics.REGISTRATIONS, DeathRegisteredEvent.class,
                e -> e.getDeath().getPersonId().equals(father), 1).get(0);
        DeathRecord record = event.getDeath();
        assertThat(record.getRegistrationId()).isEqualTo(number);
        assertThat(record.getDateOfDeath()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(record.getBirthDate()).isEqualTo(LocalDate.of(1975, 5, 5));
        assertThat(record.getGivenNames()).isEqualTo("Peeter");
        assertThat(record.getHouseholdId()).isEqualTo(home);
        assertThat(record.getSpouseId()).isEqualTo(mother);
        assertThat(record.getLegalParentIds()).containsExactly(grandmother);
        assertThat(record.getHouseholdMembers())
                .extracting(HouseholdMemberRef::getPersonId, HouseholdMemberRef::getRelationToDeceased)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mother, "SPOUSE"),
                        org.assertj.core.groups.Tuple.tuple(minor, "CHILD"),
                        org.assertj.core.groups.Tuple.tuple(adultChild, "CHILD"));
        assertThat(record.getMinorChildren()).extracting(MinorChildRecord::getChildId)
                .containsExactlyInAnyOrder(minor, halfSibling);
        MinorChildRecord atHome = record.getMinorChildren().stream().filter(c -> c.getChildId().equals(minor))
                .findFirst().orElseThrow();
        assertThat(atHome.getSurvivingParentIds()).containsExactly(mother);
        assertThat(atHome.getSurvivingParentsInHousehold()).containsExactly(mother);
        assertThat(atHome.getHouseholdId()).isEqualTo(home);
        MinorChildRecord elsewhere = record.getMinorChildren().stream()
                .filter(c -> c.getChildId().equals(halfSibling)).findFirst().orElseThrow();
        assertThat(elsewhere.getSurvivingParentIds()).containsExactly(exPartner);
        assertThat(elsewhere.getGuardianIds()).containsExactly(guardian);
        assertThat(elsewhere.getHouseholdId()).isEqualTo(otherHome);
        assertThat(count("select count(*) from outbox_event where event_id = cast('" + event.getEventId()
                + "' as uuid)")).isEqualTo(1);

        HouseholdChangedEvent snapshot = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(home) && e.getReason().equals("DEATH"), 1).get(0);
        assertThat(snapshot.getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 2, 10));
        var deceased = snapshot.getMembers().stream().filter(m -> m.getPersonId().equals(father)).findFirst()
                .orElseThrow();
        assertThat(deceased.getDateOfDeath()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(snapshot.getMembers().stream().filter(m -> m.getPersonId().equals(mother)).findFirst()
                .orElseThrow().getSpouseId()).isNull();
        assertThat(count("select count(*) from household_member where person_id = '" + father
                + "' and member_until = date '2026-02-10'")).isEqualTo(1);

        registry().get("/households/" + home).then().statusCode(200)
                .body("members.personId", org.hamcrest.Matchers.not(hasItem(father)));
    }

    @Test
    void aDeathIsIdempotentOnItsNumberAndOnce() {
        String person = personId("M", LocalDate.of(1960, 1, 1));
        household(number("H"), member(person, "Ants"));
        String number = number("D");
        String first = registry().body(death(number, person, "2026-01-15")).post("/registrations/deaths")
                .then().statusCode(201).extract().asString();

        assertThat(registry().body(death(number, person, "2026-01-15")).post("/registrations/deaths")
                .then().statusCode(201).extract().asString()).isEqualTo(first);
        registry().body(death(number, person, "2026-01-16")).post("/registrations/deaths")
                .then().statusCode(409)
                .body("code", equalTo("registration_number_reused"))
                .body("errors.field", equalTo(List.of("dateOfDeath")));
        registry().body(death(number("D"), person, "2026-01-15")).post("/registrations/deaths")
                .then().statusCode(409)
                .body("code", equalTo("person_already_deceased"));
        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.REGISTRATIONS, DeathRegisteredEvent.class, e -> e.getDeath().getPersonId().equals(person), 1);
        assertThat(topics.read(Topics.REGISTRATIONS, DeathRegisteredEvent.class).stream()
                .filter(e -> e.getDeath().getPersonId().equals(person))).hasSize(1);
    }

    @Test
    void aDeathBeforeBirthInTheFutureOrOfAnUnknownPersonIsRefused() {
        String person = personId("F", LocalDate.of(1999, 9, 9));
        household(number("H"), member(person, "Eve"));

        registry().body(death(number("D"), person, "1999-09-08")).post("/registrations/deaths")
                .then().statusCode(400)
                .body("errors.code", equalTo(List.of("before_birth")));
        registry().body(death(number("D"), person, LocalDate.now(clock).plusDays(1).toString())).post("/registrations/deaths")
                .then().statusCode(400)
                .body("errors.code", equalTo(List.of("in_future")));
        Map<String, Object> unknown = death(number("D"), personId("M", LocalDate.of(1950, 1, 2)), "2026-01-01");
        unknown.remove("placeOfDeath");
        registry().body(unknown).post("/registrations/deaths")
                .then().statusCode(400)
                .body("errors.field", hasItems("personId", "placeOfDeath"))
                .body("errors.code", hasItems("unknown_person", "required"));
        assertThat(count("select count(*) from person where person_id = '" + person + "' and date_of_death is not null"))
                .isZero();
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
