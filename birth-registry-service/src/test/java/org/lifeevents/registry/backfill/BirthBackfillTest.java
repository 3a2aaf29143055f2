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
 * The backfill registers births set-based; these tests hold it to the API: the same families, once through
 * {@code POST /registrations/births} and once through {@code POST /backfill}, give the same events (topics, keys,
 * contents, apart from ids and times of the envelope) and the same refusals, and a repeated backfill changes nothing.
 */
@QuarkusTest
class BirthBackfillTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    /** The people, households and numbers of one copy of the families. */
    static final class World {
        final Map<String, String> ids = new LinkedHashMap<>();

        World() {
            id("mother1", personId("F", LocalDate.of(1985, 4, 1)));
            id("father1", personId("M", LocalDate.of(1984, 4, 1)));
            id("sibling1", personId("F", LocalDate.of(2015, 4, 1)));
            id("child1", personId("M", LocalDate.of(2026, 11, 2)));
            id("mother2", personId("F", LocalDate.of(1990, 5, 1)));
            id("twinA", personId("F", LocalDate.of(2026, 11, 3)));
            id("twinB", personId("M", LocalDate.of(2026, 11, 3)));
            id("mother3", personId("F", LocalDate.of(1992, 6, 1)));
            id("child3", personId("F", LocalDate.of(2026, 11, 4)));
            id("foreignFather", personId("M", LocalDate.of(1980, 7, 1)));
            id("child4", personId("M", LocalDate.of(2026, 11, 5)));
            id("nobody", personId("F", LocalDate.of(1991, 8, 1)));
            id("home1", number("H"));
            id("home2", number("H"));
            id("home3", number("H"));
            for (String birth : List.of("B1", "B2a", "B2b", "B3", "B4", "B5")) {
                id(birth, number("B"));
            }
        }

        private void id(String role, String value) {
            ids.put(role, value);
        }

        String get(String role) {
            return ids.get(role);
        }

        String households() {
            return String.join("\n",
                    household(get("home1"), List.of(member(get("mother1"), "Kadri", get("father1"), null),
                            member(get("father1"), "Toomas", get("mother1"), null),
                            member(get("sibling1"), "Liisa", null, List.of(get("mother1"), get("father1"))))),
                    household(get("home2"), List.of(member(get("mother2"), "Mari", null, null))),
                    household(get("home3"), List.of(member(get("mother3"), "Anu", null, null))));
        }

        /** The births as backfill lines, in the order the API gets them. */
        List<String> births() {
            return List.of(
                    birth("B1", "child1", "2026-11-02", "\"motherId\": \"" + get("mother1") + "\", \"fatherId\": \""
                            + get("father1") + "\"", 1, 1),
                    birth("B2a", "twinA", "2026-11-03", "\"motherId\": \"" + get("mother2") + "\"", 2, 1),
                    birth("B2b", "twinB", "2026-11-03", "\"motherId\": \"" + get("mother2") + "\"", 2, 2),
                    birth("B3", "child3", "2026-11-04", "\"motherId\": \"" + get("mother3") + "\"", 1, 1),
                    birth("B4", "child4", "2026-11-05", "\"motherId\": \"" + get("mother3")
                            + "\", \"father\": {\"personId\": \"" + get("foreignFather")
                            + "\", \"givenNames\": \"Pierre\", \"familyName\": \"Martin\", \"notInPopulationRegister\": true}",
                            1, 1),
                    birth("B5", "child4", "2026-11-05", "\"motherId\": \"" + get("nobody") + "\"", 1, 1));
        }

        private String birth(String number, String child, String date, String parents, int count, int order) {
            String sex = get(child).charAt(0) % 2 == 0 ? "F" : "M";
            return "{\"registrationNumber\": \"" + get(number) + "\", \"childId\": \"" + get(child)
                    + "\", \"givenNames\": \"Laps\", \"familyName\": \"Test\", \"sex\": \"" + sex + "\", \"birthDate\": \""
                    + date + "\", \"placeOfBirth\": \"Tallinn\", " + parents + ", \"childrenInBirth\": " + count
                    + ", \"birthOrder\": " + order + "}";
        }

        static String asLine(String birth) {
            return "{\"type\": \"birth\", " + birth.substring(1);
        }

        /** An event's text with this world's ids replaced by their roles and the envelope's ids and times removed. */
        String normalised(Object event) {
            String text = event.toString()
                    .replaceAll("\"(eventId|correlationId)\": \"[^\"]*\"", "\"$1\": _")
                    .replaceAll("\"(occurredAt|registeredAt)\": [^,}]*", "\"$1\": _");
            // Longest first: a number may begin with another one.
            for (Map.Entry<String, String> id : ids.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                    .toList()) {
                text = text.replace(id.getValue(), "<" + id.getKey() + ">");
            }
            return text;
        }

        Set<String> children() {
            return Set.of(get("child1"), get("twinA"), get("twinB"), get("child3"), get("child4"));
        }

        Set<String> homes() {
            return Set.of(get("home1"), get("home2"), get("home3"));
        }
    }

    @Test
    void aBackfillOfBirthsGivesTheEventsAndRefusalsOfTheApiAndARepeatChangesNothing() {
        World api = new World();
        World backfill = new World();

        assertThat(runToEnd(api.households() + "\n").getString("status")).isEqualTo("COMPLETED");
        List<String> apiRefusals = new ArrayList<>();
        int refusedLines = 0;
        for (String birth : api.births()) {
            var response = registry().body(birth).post("/registrations/births").then().extract();
            if (response.statusCode() >= 400) {
                apiRefusals.addAll(response.jsonPath().getList("errors.code", String.class));
                refusedLines++;
            }
        }
        String file = backfill.households() + "\n"
                + String.join("\n", backfill.births().stream().map(World::asLine).toList()) + "\n";

        JsonPath done = runToEnd(file);

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getLong("linesAccepted")).isEqualTo(3 + 5);
        assertThat(done.getLong("linesRefused")).isEqualTo(refusedLines);
        assertThat(apiRefusals).isNotEmpty();
        assertThat(done.getList("errors.code", String.class)).isEqualTo(apiRefusals);
        assertThat(events(backfill)).isEqualTo(events(api));

        long rows = outboxRows(backfill);
        JsonPath again = runToEnd(file);

        assertThat(again.getLong("linesAccepted")).isZero();
        assertThat(again.getLong("linesSkipped")).isEqualTo(3 + 5);
        assertThat(again.getLong("linesRefused")).isEqualTo(refusedLines);
        assertThat(outboxRows(backfill)).isEqualTo(rows);
    }

    /** The world's birth and household-after-birth events, normalised, in an order that does not depend on ids. */
    private List<String> events(World world) {
        TopicReader topics = new TopicReader(bootstrap);
        List<BirthRegisteredEvent> births = topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> world.children().contains(e.getBirth().getChildId()), 5);
        List<HouseholdChangedEvent> households = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> world.homes().contains(e.getHouseholdId()) && e.getReason().equals("BIRTH"), 5);
        return Stream.concat(births.stream().map(world::normalised), households.stream().map(world::normalised))
                .sorted(Comparator.naturalOrder()).toList();
    }

    private long outboxRows(World world) {
        List<String> keys = new ArrayList<>(world.children());
        keys.addAll(world.homes());
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where partition_key in ?1")
                .setParameter(1, keys).getSingleResult()).longValue();
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
