package org.lifeevents.registry.backfill;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * A backfill and the API write one household at once: {@code PUT /households/{id}} in a loop while backfill chunks that
 * contain the household run. Both take the household's row lock before reading it, so its snapshots reach the topic as
 * versions 1, 2, 3, ... in that order, each once, and the last one is the household's state.
 */
@QuarkusTest
class BackfillApiRaceTest {

    private static final int OTHER_LINES = 1500;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aPutDuringABackfillChunkOfTheSameHouseholdPublishesItsVersionsInOrder() throws Exception {
        String contested = number("HR");
        String adult = personId("F", LocalDate.of(1981, 4, 4));
        String child = personId("M", LocalDate.of(2012, 4, 4));
        registry().body(body(adult, child, "Api-0")).put("/households/" + contested).then().statusCode(200);

        StringBuilder file = new StringBuilder();
        String prefix = number("HO");
        for (int line = 1; line <= OTHER_LINES; line++) {
            // The contested household in every chunk, among others that make each chunk take a while.
            if (line % 300 == 150) {
                file.append(BackfillTest.household(contested, List.of(BackfillTest.member(adult, "Backfill-" + line,
                        null, null), BackfillTest.member(child, "Child", null, List.of(adult))))).append('\n');
            }
            String someone = personId(line % 2 == 0 ? "F" : "M", LocalDate.of(1940, 1, 1).plusDays(line * 7L));
            file.append(BackfillTest.household(prefix + "-" + line, List.of(BackfillTest.member(someone, "P", null,
                    null)))).append('\n');
        }

        String jobId = registry().contentType("application/x-ndjson")
                .body(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8))).post("/backfill")
                .then().statusCode(202).extract().path("jobId");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger puts = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                int n = puts.incrementAndGet();
                registry().body(body(adult, child, "Api-" + n)).put("/households/" + contested).then()
                        .statusCode(200);
            }
        });
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = registry().get("/backfill/" + jobId).then().statusCode(200).extract().path("status");
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        done.set(true);
        writer.get();
        assertThat(registry().get("/backfill/" + jobId).then().extract().<String> path("status"))
                .isEqualTo("COMPLETED");
        assertThat(registry().get("/backfill/" + jobId).then().extract().<Integer> path("linesRefused")).isZero();
        long version = registry().get("/households/" + contested).then().statusCode(200).extract()
                .<Number> path("version").longValue();

        List<HouseholdChangedEvent> published = new TopicReader(bootstrap).await(Topics.HOUSEHOLDS,
                HouseholdChangedEvent.class, e -> e.getHouseholdId().equals(contested) && e.getVersion() == version, 1);
        List<HouseholdChangedEvent> ofContested = new TopicReader(bootstrap).read(Topics.HOUSEHOLDS,
                HouseholdChangedEvent.class).stream().filter(e -> e.getHouseholdId().equals(contested)).toList();
        List<Long> versions = ofContested.stream().map(HouseholdChangedEvent::getVersion).toList();
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= version; v++) {
            expected.add(v);
        }
        assertThat(published).hasSize(1);
        assertThat(versions).as("versions of %s on the topic, in topic order (%d PUTs)", contested, puts.get())
                .isEqualTo(expected);
        assertThat(ofContested).extracting(e -> e.getMembers().stream()
                .filter(m -> m.getPersonId().equals(adult)).findFirst().orElseThrow().getGivenNames())
                .as("both writers' states were published").anyMatch(name -> name.startsWith("Api-"))
                .anyMatch(name -> name.startsWith("Backfill-"));
    }

    private static Map<String, Object> body(String adult, String child, String adultName) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "INITIAL_LOAD");
        body.put("effectiveFrom", "2020-01-01");
        body.put("address", Map.of("street", "Riia 1", "postalCode", "51010", "municipality", "Tartu",
                "countryCode", "EE"));
        body.put("members", List.of(
                Map.of("personId", adult, "givenNames", adultName, "familyName", "Test", "sex", "F",
                        "birthDate", "1981-04-04"),
                Map.of("personId", child, "givenNames", "Child", "familyName", "Test", "sex", "M",
                        "birthDate", "2012-04-04", "legalParentIds", List.of(adult))));
        return body;
    }
}
