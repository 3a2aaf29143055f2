package org.lifeevents.registry.backfill;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

@QuarkusTest
class BackfillTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Inject
    BackfillJobs jobs;

    @Inject
    BackfillRunner runner;

    @Test
    void aFileOfHouseholdsBirthsAndDeathsIsAppliedWithAPerLineErrorReportAndARerunChangesNothing() {
        String mother = personId("F", LocalDate.of(1985, 3, 1));
        String father = personId("M", LocalDate.of(1984, 3, 1));
        String child = personId("F", LocalDate.of(2015, 3, 1));
        String grandfather = personId("M", LocalDate.of(1940, 3, 1));
        String newborn = personId("M", LocalDate.of(2025, 12, 1));
        String home = number("H");
        String grandHome = number("H");
        String birthNumber = number("B");
        String deathNumber = number("D");
        String file = String.join("\n",
                household(home, List.of(
                        member(mother, "Kadri", father, null), member(father, "Toomas", mother, null),
                        member(child, "Liisa", null, List.of(mother, father)), member(newborn, "Uku", null, null))),
                household(grandHome, List.of(member(grandfather, "Vanaisa", null, null))),
                "{\"type\": \"birth\", \"registrationNumber\": \"" + birthNumber + "\", \"childId\": \"" + newborn
                        + "\", \"givenNames\": \"Uku\", \"familyName\": \"Test\", \"sex\": \"M\", \"birthDate\": \"2025-12-01\","
                        + " \"placeOfBirth\": \"Tartu\", \"motherId\": \"" + mother + "\", \"fatherId\": \"" + father
                        + "\", \"childrenInBirth\": 1, \"birthOrder\": 1}",
                "{\"type\": \"death\", \"registrationNumber\": \"" + deathNumber + "\", \"personId\": \"" + grandfather
                        + "\", \"dateOfDeath\": \"2025-11-11\", \"placeOfDeath\": \"Tartu\"}",
                "not json",
                "{\"type\": \"marriage\"}",
                household(number("H"), List.of(member("12345678901", "Bad", null, null))),
                "",
                "{\"type\": \"death\", \"registrationNumber\": \"" + number("D") + "\", \"personId\": \""
                        + personId("M", LocalDate.of(1930, 1, 1))
                        + "\", \"dateOfDeath\": \"2025-11-11\", \"placeOfDeath\": \"X\"}")
                + "\n";

        JsonPath done = runToEnd(file);

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getLong("linesTotal")).isEqualTo(9);
        assertThat(done.getLong("linesRead")).isEqualTo(9);
        assertThat(done.getLong("linesAccepted")).isEqualTo(4);
        assertThat(done.getLong("linesSkipped")).isEqualTo(1);
        assertThat(done.getLong("linesRefused")).isEqualTo(4);
        assertThat(done.getList("errors.line", Integer.class)).containsExactly(5, 6, 7, 9);
        assertThat(done.getList("errors.code", String.class)).containsExactly("malformed_json", "unknown_type",
                "invalid_person_id", "unknown_person");
        assertThat(done.getString("errors[2].field")).isEqualTo("members[0].personId");

        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.REGISTRATIONS, BirthRegisteredEvent.class, e -> e.getBirth().getChildId().equals(newborn), 1);
        topics.await(Topics.REGISTRATIONS, DeathRegisteredEvent.class,
                e -> e.getDeath().getPersonId().equals(grandfather), 1);
        HouseholdChangedEvent latest = topics.await(Topics.HOUSEHOLDS, HouseholdChangedEvent.class,
                e -> e.getHouseholdId().equals(home) && e.getReason().equals("BIRTH"), 1).get(0);
        assertThat(latest.getMembers()).extracting(m -> m.getPersonId())
                .containsExactlyInAnyOrder(mother, father, child, newborn);
        assertThat(latest.getMembers().stream().filter(m -> m.getPersonId().equals(child)).findFirst().orElseThrow()
                .getLegalParentIds()).containsExactlyInAnyOrder(mother, father);
        registry().get("/persons/" + mother).then().statusCode(200).body("spouseId",
                org.hamcrest.Matchers.equalTo(father));
        long events = outboxRowsFor(home, grandHome, newborn, grandfather);

        JsonPath again = runToEnd(file);

        assertThat(again.getLong("linesAccepted")).isZero();
        assertThat(again.getLong("linesSkipped")).isEqualTo(5);
        assertThat(again.getLong("linesRefused")).isEqualTo(4);
        assertThat(outboxRowsFor(home, grandHome, newborn, grandfather)).isEqualTo(events);
    }

    @Test
    void aJobResumesAfterTheLinesItHadAppliedAndSkipsThem() throws IOException {
        String applied = number("H");
        String pending = number("H");
        String file = household(applied, List.of(member(personId("F", LocalDate.of(1970, 1, 2)), "A", null, null)))
                + "\n" + household(pending, List.of(member(personId("F", LocalDate.of(1971, 1, 2)), "B", null, null)))
                + "\n";
        Path spool = Files.createTempFile("backfill", ".ndjson");
        Files.writeString(spool, file);
        UUID jobId = QuarkusTransaction.requiringNew().call(() -> {
            BackfillJob job = jobs.create(spool, "test", "resume-test");
            return job.jobId;
        });
        // As if the service had stopped after committing the first line: the job resumes after it.
        QuarkusTransaction.requiringNew().run(() -> {
            jobs.received(jobId, file.length(), 2);
            BackfillJob job = BackfillJob.findById(jobId);
            job.linesRead = 1;
            job.linesAccepted = 1;
        });

        runner.run(jobId);

        BackfillView view = QuarkusTransaction.requiringNew().call(() -> jobs.view(jobId, 0, 10));
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(view.linesRead()).isEqualTo(2);
        assertThat(view.linesAccepted()).isEqualTo(2);
        registry().get("/households/" + pending).then().statusCode(200);
        registry().get("/households/" + applied).then().statusCode(404);
        assertThat(Files.exists(spool)).isFalse();
    }

    @Test
    void aLargeUploadIsStreamedAndAppliedInChunks() {
        int lines = 6000;
        String padding = " ".repeat(2000);
        String prefix = number("HB");
        InputStream body = new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private int line;

            @Override
            public int read() {
                if (position == current.length) {
                    if (line == lines) {
                        return -1;
                    }
                    line++;
                    String id = personId(line % 2 == 0 ? "F" : "M", LocalDate.of(1950, 1, 1).plusDays(line));
                    current = (household(prefix + "-" + line, List.of(member(id, "P", null, null))) + padding + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                return current[position++] & 0xff;
            }
        };

        String jobId = registry().contentType("application/x-ndjson").body(body).post("/backfill")
                .then().statusCode(202).extract().path("jobId");
        JsonPath done = awaitJob(jobId);

        assertThat(done.getLong("bytesReceived")).isGreaterThan(10L * 1024 * 1024);
        assertThat(done.getLong("linesAccepted")).isEqualTo(lines);
        assertThat(((Number) entityManager.createNativeQuery(
                "select count(*) from household where household_id like ?1").setParameter(1, prefix + "-%")
                .getSingleResult()).longValue()).isEqualTo(lines);
    }

    private JsonPath runToEnd(String file) {
        String jobId = registry().contentType("application/x-ndjson")
                .body(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))).post("/backfill")
                .then().statusCode(202).extract().path("jobId");
        return awaitJob(jobId);
    }

    private static JsonPath awaitJob(String jobId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = registry().get("/backfill/" + jobId).then().statusCode(200).extract().path("status");
            return status.equals("COMPLETED") || status.equals("FAILED");
        });
        return registry().get("/backfill/" + jobId).then().extract().jsonPath();
    }

    private long outboxRowsFor(String... keys) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where partition_key in ?1")
                .setParameter(1, List.of(keys)).getSingleResult()).longValue();
    }

    static String household(String householdId, List<String> members) {
        return "{\"type\": \"household\", \"householdId\": \"" + householdId + "\", \"effectiveFrom\": \"2020-01-01\","
                + " \"address\": {\"street\": \"Riia 1\", \"postalCode\": \"51010\", \"municipality\": \"Tartu\", \"countryCode\": \"EE\"},"
                + " \"members\": [" + String.join(", ", members) + "]}";
    }

    static String member(String personId, String name, String spouseId, List<String> parents) {
        String birthDate = personId.matches("\\d{11}") && org.lifeevents.common.identity.PersonId.isValid(personId)
                ? new org.lifeevents.common.identity.PersonId(personId).birthDate().toString()
                : "1990-01-01";
        String sex = personId.charAt(0) % 2 == 0 ? "F" : "M";
        StringBuilder json = new StringBuilder("{\"personId\": \"" + personId + "\", \"givenNames\": \"" + name
                + "\", \"familyName\": \"Test\", \"sex\": \"" + sex + "\", \"birthDate\": \"" + birthDate + "\"");
        if (spouseId != null) {
            json.append(", \"spouseId\": \"").append(spouseId).append('"');
        }
        if (parents != null) {
            json.append(", \"legalParentIds\": [\"").append(String.join("\", \"", parents)).append("\"]");
        }
        return json.append('}').toString();
    }

}
