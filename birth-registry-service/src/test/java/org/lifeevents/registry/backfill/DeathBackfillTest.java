package org.lifeevents.registry.backfill;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;
import static org.lifeevents.registry.backfill.BackfillTest.household;
import static org.lifeevents.registry.backfill.BackfillTest.member;

/**
 * The backfill registers deaths set-based; these tests hold it to the API: the same deaths, once through
 * {@code POST /registrations/deaths} and once through {@code POST /backfill}, give the same events (the death record with
 * household members and minor children, the household snapshots), the same register afterwards and the same refusals,
 * and a repeated backfill changes nothing. The deaths include a couple dying one after the other, a newborn dying in
 * the chunk of its birth, two deaths of one person, a person the register does not know and a repeated number.
 */
@QuarkusTest
class DeathBackfillTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    /** The people, households and numbers of one copy of the families. */
    static final class World {
        final Map<String, String> ids = new LinkedHashMap<>();

        World() {
            id("grandmother", personId("F", LocalDate.of(1950, 3, 3)));
            id("father", personId("M", LocalDate.of(1975, 5, 5)));
            id("mother", personId("F", LocalDate.of(1978, 6, 6)));
            id("minor", personId("F", LocalDate.of(2015, 7, 7)));
            id("adultChild", personId("M", LocalDate.of(2000, 8, 8)));
            id("exPartner", personId("F", LocalDate.of(1980, 9, 9)));
            id("guardian", personId("M", LocalDate.of(1970, 10, 10)));
            id("halfSibling", personId("M", LocalDate.of(2012, 11, 11)));
            id("mother3", personId("F", LocalDate.of(1992, 6, 1)));
            id("baby", personId("F", LocalDate.of(2026, 10, 1)));
            id("single", personId("M", LocalDate.of(1940, 2, 2)));
            id("nobody", personId("M", LocalDate.of(1950, 1, 2)));
            for (String home : List.of("home0", "home1", "home2", "home3", "home4")) {
                id(home, number("H"));
            }
            for (String registration : List.of("B1", "D1", "D2", "D3", "D4", "D5", "D6", "D7")) {
                id(registration, number(registration.substring(0, 1)));
            }
        }

        private void id(String role, String value) {
            ids.put(role, value);
        }

        String get(String role) {
            return ids.get(role);
        }

        String households() {
            String father = member(get("father"), "Peeter", get("mother"), List.of(get("grandmother")));
            String halfSibling = member(get("halfSibling"), "Karl", null, List.of(get("father"), get("exPartner")));
            halfSibling = halfSibling.substring(0, halfSibling.length() - 1) + ", \"guardianIds\": [\"" + get("guardian")
                    + "\"]}";
            return String.join("\n",
                    household(get("home0"), List.of(member(get("grandmother"), "Vanaema", null, null))),
                    household(get("home1"), List.of(father, member(get("mother"), "Mari", get("father"), null),
                            member(get("minor"), "Liisa", null, List.of(get("father"), get("mother"))),
                            member(get("adultChild"), "Mihkel", null, List.of(get("father"), get("mother"))))),
                    household(get("home2"), List.of(member(get("exPartner"), "Kaja", null, null), halfSibling,
                            member(get("guardian"), "Toomas", null, null))),
                    household(get("home3"), List.of(member(get("mother3"), "Anu", null, null))),
                    household(get("home4"), List.of(member(get("single"), "Ants", null, null))));
        }

        /** The birth and the deaths, in the order both paths get them. */
        List<String> births() {
            return List.of("{\"registrationNumber\": \"" + get("B1") + "\", \"childId\": \"" + get("baby")
                    + "\", \"givenNames\": \"Laps\", \"familyName\": \"Test\", \"sex\": \"F\", \"birthDate\": \"2026-10-01\","
                    + " \"placeOfBirth\": \"Tallinn\", \"motherId\": \"" + get("mother3")
                    + "\", \"childrenInBirth\": 1, \"birthOrder\": 1}");
        }

        List<String> deaths() {
            return List.of(
                    death("D1", "father", "2026-02-10", "Tartu"),
                    // The widow: her spouse is no longer recorded, the minor child has no surviving parent left.
                    death("D2", "mother", "2026-04-01", "Tartu"),
                    // A newborn dying in the chunk of its birth.
                    death("D3", "baby", "2026-10-20", "Tallinn"),
                    death("D4", "single", "2026-03-01", "Haapsalu"),
                    // The same person again under another number: person_already_deceased.
                    death("D5", "single", "2026-03-02", "Haapsalu"),
                    death("D6", "nobody", "2026-01-01", "Narva"),
                    death("D7", "grandmother", "1940-01-01", "Tartu"),
                    // A repeat of D1 is answered as the first time; D1 with another date is a reused number.
                    death("D1", "father", "2026-02-10", "Tartu"),
                    death("D1", "father", "2026-02-11", "Tartu"));
        }

        private String death(String number, String person, String date, String place) {
            return "{\"registrationNumber\": \"" + get(number) + "\", \"personId\": \"" + get(person)
                    + "\", \"dateOfDeath\": \"" + date + "\", \"placeOfDeath\": \"" + place + "\"}";
        }

        String file() {
            return households() + "\n"
                    + String.join("\n", births().stream().map(b -> asLine("birth", b)).toList()) + "\n"
                    + String.join("\n", deaths().stream().map(d -> asLine("death", d)).toList()) + "\n";
        }

        static String asLine(String type, String body) {
            return "{\"type\": \"" + type + "\", " + body.substring(1);
        }

        /** A text with this world's ids replaced by their roles and the envelope's ids and times removed. */
        String normalised(Object value) {
            String text = value.toString()
                    .replaceAll("\"(eventId|correlationId)\": ?\"[^\"]*\"", "\"$1\": _")
                    .replaceAll("\"(occurredAt|registeredAt|updatedAt)\": ?[^,}]*", "\"$1\": _");
            // Longest first: a number may begin with another one.
            for (Map.Entry<String, String> id : ids.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                    .toList()) {
                text = text.replace(id.getValue(), "<" + id.getKey() + ">");
            }
            return text;
        }

        Set<String> deceased() {
            return Set.of(get("father"), get("mother"), get("baby"), get("single"));
        }

        Set<String> homes() {
            return Set.of(get("home0"), get("home1"), get("home2"), get("home3"), get("home4"));
        }

        List<String> keys() {
            return List.copyOf(ids.values());
        }
    }

    @Test
    void aBackfillOfDeathsGivesTheEventsRegisterAndRefusalsOfTheApiAndARepeatChangesNothing() {
        World api = new World();
        World backfill = new World();

        assertThat(runToEnd(api.households() + "\n").getString("status")).isEqualTo("COMPLETED");
        for (String birth : api.births()) {
            registry().body(birth).post("/registrations/births").then().statusCode(201);
        }
        List<String> apiRefusals = new ArrayList<>();
        int refusedLines = 0;
        for (String death : api.deaths()) {
            var response = registry().body(death).post("/registrations/deaths").then().extract();
            if (response.statusCode() >= 400) {
                JsonPath problem = response.jsonPath();
                List<String> fields = problem.getList("errors.field", String.class);
                List<String> codes = problem.getList("errors.code", String.class);
                if (codes.isEmpty()) {
                    apiRefusals.add(null + " " + problem.getString("code"));
                }
                for (int i = 0; i < codes.size(); i++) {
                    apiRefusals.add(fields.get(i) + " " + codes.get(i));
                }
                refusedLines++;
            }
        }

        JsonPath done = runToEnd(backfill.file());

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getLong("linesAccepted")).isEqualTo(5 + 1 + 4);
        assertThat(done.getLong("linesSkipped")).isEqualTo(1);
        assertThat(done.getLong("linesRefused")).isEqualTo(refusedLines).isEqualTo(4);
        List<String> fields = done.getList("errors.field", String.class);
        List<String> codes = done.getList("errors.code", String.class);
        List<String> backfillRefusals = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            backfillRefusals.add(fields.get(i) + " " + codes.get(i));
        }
        assertThat(backfillRefusals).isEqualTo(apiRefusals)
                .contains("null person_already_deceased", "personId unknown_person", "dateOfDeath before_birth",
                        "dateOfDeath differs_from_first_request");
        assertThat(events(backfill)).isEqualTo(events(api));
        assertThat(register(backfill)).isEqualTo(register(api));

        long rows = outboxRows(backfill);
        JsonPath again = runToEnd(backfill.file());

        assertThat(again.getLong("linesAccepted")).isZero();
        assertThat(again.getLong("linesSkipped")).isEqualTo(5 + 1 + 5);
        assertThat(again.getLong("linesRefused")).isEqualTo(4);
        assertThat(outboxRows(backfill)).isEqualTo(rows);
    }

    /** The world's death, birth and household events, normalised, in an order that does not depend on ids. */
    private List<String> events(World world) {
        TopicReader topics = new TopicReader(bootstrap);
        List<DeathRegisteredEvent> deaths = topics.await(Topics.REGISTRATIONS, DeathRegisteredEvent.class,
                e -> world.deceased().contains(e.getDeath().getPersonId()), 4);
        List<BirthRegisteredEvent> births = topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(world.get("baby")), 1);
        // The loads, the birth, and a snapshot for each death (both of the couple's deaths change home1).
        List<HouseholdChangedEvent> households = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> world.homes().contains(e.getHouseholdId()), 5 + 1 + 4);
        assertThat(deaths).hasSize(4);
        assertThat(households).hasSize(10);
        return Stream.of(deaths.stream(), births.stream(), households.stream()).flatMap(s -> s)
                .map(world::normalised).sorted(Comparator.naturalOrder()).toList();
    }

    /** The households, persons and registrations as the API shows them afterwards, normalised. */
    private List<String> register(World world) {
        List<String> views = new ArrayList<>();
        for (String home : world.homes().stream().sorted(Comparator.comparing(world::normalised)).toList()) {
            views.add(world.normalised(registry().get("/households/" + home).then().statusCode(200).extract().asString()));
        }
        for (String person : List.of("father", "mother", "minor", "baby", "single", "grandmother")) {
            views.add(world.normalised(registry().get("/persons/" + world.get(person)).then().statusCode(200).extract()
                    .asString()));
        }
        for (String number : List.of("D1", "D2", "D3", "D4")) {
            views.add(world.normalised(registry().get("/registrations/" + world.get(number)).then().statusCode(200)
                    .extract().asString()));
            // What a revocation undoes: the spouse the death left unmarried, the household it ended a membership of.
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select household_id, cleared_spouse_id, created_person, death_record is not null
                    from registration where registration_number = ?1""").setParameter(1, world.get(number))
                    .getSingleResult();
            views.add(world.normalised(java.util.Arrays.toString(row)));
        }
        return views;
    }

    private long outboxRows(World world) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where partition_key in ?1")
                .setParameter(1, world.keys()).getSingleResult()).longValue();
    }

    private static JsonPath runToEnd(String file) {
        String jobId = registry().contentType("application/x-ndjson")
                .body(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))).post("/backfill")
                .then().statusCode(202).extract().path("jobId");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = registry().get("/backfill/" + jobId).then().statusCode(200).extract().path("status");
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return registry().get("/backfill/" + jobId).then().extract().jsonPath();
    }
}
