package org.lifeevents.registry.backfill;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.registry.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the bulk backfill: generates a migration file on the fly (households of one to four people, with births and
 * deaths among them), uploads it through {@code POST /backfill} as a stream, and prints the rate, the heap in use while
 * it runs, and how long the outbox relay takes to publish every event. Not a test of speed: it prints figures.
 * <p>
 * {@code ./mvnw -pl birth-registry-service -am verify -Pbenchmark -Dtest=BackfillBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.lines=1000000]}
 */
@QuarkusTest
@Tag("benchmark")
class BackfillBenchmark {

    @TestHTTPResource("/backfill")
    URL backfill;

    @Inject
    DataSource dataSource;

    @Test
    void backfillOfAMillionLines() throws Exception {
        long lines = Long.getLong("benchmark.lines", 1_000_000);
        int birthsPerThousand = Integer.getInteger("benchmark.birthsPerThousand", 20);
        int deathsPerThousand = Integer.getInteger("benchmark.deathsPerThousand", 5);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        HttpClient http = HttpClient.newHttpClient();
        long outboxBefore = unpublished();

        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(backfill.toURI())
                .header("Authorization", "Bearer " + TestData.token(TestData.Caller.REGISTRY))
                .header("Content-Type", BackfillResource.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new MigrationFile(lines, birthsPerThousand, deathsPerThousand)))
                .build(), HttpResponse.BodyHandlers.ofString());
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(accepted.statusCode()).isEqualTo(202);
        String jobId = JsonPath.from(accepted.body()).getString("jobId");
        JsonPath job = JsonPath.from(accepted.body());
        System.out.printf("BENCHMARK upload: %d lines, %.1f MB streamed to the spool file in %.1f s%n", lines,
                job.getLong("bytesReceived") / 1e6, uploadSeconds);

        long population = new MigrationFile(lines, birthsPerThousand, deathsPerThousand).population();
        double populationSeconds = 0;
        long applyStart = System.nanoTime();
        long peakLive = 0;
        List<String> samples = new ArrayList<>();
        while (true) {
            Thread.sleep(5000);
            job = JsonPath.from(http.send(HttpRequest.newBuilder(URI.create(backfill + "/" + jobId))
                    .header("Authorization", "Bearer " + TestData.token(TestData.Caller.REGISTRY)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            peakLive = Math.max(peakLive, live);
            double seconds = (System.nanoTime() - applyStart) / 1e9;
            String sample = String.format("BENCHMARK progress: %,d lines read in %.0f s (%.0f lines/s), live heap %d MB,"
                    + " outbox waiting %,d", job.getLong("linesRead"), seconds, job.getLong("linesRead") / seconds,
                    live / 1_000_000, unpublished());
            samples.add(sample);
            System.out.println(sample);
            if (populationSeconds == 0 && job.getLong("linesRead") >= population) {
                populationSeconds = seconds;
            }
            String status = job.getString("status");
            if (!status.equals("RUNNING") && !status.equals("QUEUED")) {
                break;
            }
        }
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;
        long outboxAtEnd = unpublished();
        long relayStart = System.nanoTime();
        while (unpublished() > outboxBefore) {
            Thread.sleep(200);
        }
        double relaySeconds = (System.nanoTime() - relayStart) / 1e9;

        System.out.printf("BENCHMARK result: status %s; %,d lines (accepted %,d, skipped %,d, refused %,d) applied in "
                + "%.1f s = %.0f lines/s; peak live heap %d MB (max heap %d MB); outbox rows still waiting at the end: "
                + "%,d, published %.1f s later%n", job.getString("status"), job.getLong("linesRead"),
                job.getLong("linesAccepted"), job.getLong("linesSkipped"), job.getLong("linesRefused"), applySeconds,
                job.getLong("linesRead") / applySeconds, peakLive / 1_000_000,
                memory.getHeapMemoryUsage().getMax() / 1_000_000, outboxAtEnd, relaySeconds);
        System.out.printf("BENCHMARK sections: population %,d household lines in about %.0f s (%.0f lines/s); "
                + "history %,d births and deaths in about %.0f s (%.0f lines/s)%n", population, populationSeconds,
                population / populationSeconds, lines - population, applySeconds - populationSeconds,
                (lines - population) / (applySeconds - populationSeconds));
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("linesRefused")).isZero();
    }

    private long unpublished() throws Exception {
        try (var connection = dataSource.getConnection();
                var rs = connection.createStatement()
                        .executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A migration file made while it is read, so the test holds one line at a time, laid out as a registry would: the
     * population at go-live first (households of one to four people: a mother, her spouse, their children), then the
     * history (births to mothers of the population, deaths of fathers).
     */
    static final class MigrationFile extends InputStream {

        private static final LocalDate ADULTS_FROM = LocalDate.of(1950, 1, 1);
        private static final LocalDate CHILDREN_FROM = LocalDate.of(2005, 1, 1);
        private static final LocalDate NEWBORNS_FROM = LocalDate.of(2020, 1, 1);

        private final long lines;
        private final long births;
        private final long population;
        private final String run = Long.toString(System.nanoTime(), 36);
        private long line;
        private long children;
        private byte[] current = new byte[0];
        private int position;

        MigrationFile(long lines, int birthsPerThousand, int deathsPerThousand) {
            this.lines = lines;
            this.births = lines * birthsPerThousand / 1000;
            this.population = lines - births - lines * deathsPerThousand / 1000;
        }

        /** Lines of the population section, before the history. */
        long population() {
            return population;
        }

        @Override
        public int read() {
            if (position == current.length && !nextLine()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == current.length && !nextLine()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean nextLine() {
            if (line == lines) {
                return false;
            }
            line++;
            String text;
            if (line <= population) {
                text = household(line - 1);
            } else if (line <= population + births) {
                text = birth(line - population - 1);
            } else {
                text = death(line - population - births - 1);
            }
            current = (text + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        /** The k-th household: mother k, with father k when it has two or more people, and their children. */
        private String household(long k) {
            int size = (int) ((k + 1) % 4) + 1;
            String mother = id("F", ADULTS_FROM, k);
            String father = id("M", ADULTS_FROM, k);
            StringBuilder members = new StringBuilder(member(mother, "F", size > 1 ? father : null, null));
            if (size > 1) {
                members.append(", ").append(member(father, "M", mother, null));
            }
            for (int i = 2; i < size; i++) {
                String child = id(i % 2 == 0 ? "F" : "M", CHILDREN_FROM, children++);
                members.append(", ").append(member(child, i % 2 == 0 ? "F" : "M", null, List.of(mother, father)));
            }
            return "{\"type\": \"household\", \"householdId\": \"BH-" + run + "-" + k
                    + "\", \"effectiveFrom\": \"2024-01-01\", \"address\": {\"street\": \"Pikk " + k
                    + "\", \"postalCode\": \"10123\", \"municipality\": \"Tallinn\", \"countryCode\": \"EE\"},"
                    + " \"members\": [" + members + "]}";
        }

        /** The h-th birth: a child of mother h (one each, so no two are siblings of one birth by accident). */
        private String birth(long h) {
            String sex = h % 2 == 0 ? "F" : "M";
            String child = id(sex, NEWBORNS_FROM, h);
            return "{\"type\": \"birth\", \"registrationNumber\": \"BB-" + run + "-" + h + "\", \"childId\": \"" + child
                    + "\", \"givenNames\": \"Laps\", \"familyName\": \"Test\", \"sex\": \"" + sex
                    + "\", \"birthDate\": \"" + new PersonId(child).birthDate() + "\", \"placeOfBirth\": \"Tallinn\","
                    + " \"motherId\": \"" + id("F", ADULTS_FROM, h) + "\", \"childrenInBirth\": 1, \"birthOrder\": 1}";
        }

        /** The d-th death: the father of household 4d + 1, which has three people. */
        private String death(long d) {
            return "{\"type\": \"death\", \"registrationNumber\": \"BD-" + run + "-" + d + "\", \"personId\": \""
                    + id("M", ADULTS_FROM, 4 * d + 1) + "\", \"dateOfDeath\": \"2025-06-01\", \"placeOfDeath\": \"Tallinn\"}";
        }

        /** The n-th valid person id of a group: a thousand serials per day from the group's first day, never reused. */
        private static String id(String sex, LocalDate from, long n) {
            return PersonId.of(sex, from.plusDays(n / 1000), (int) (n % 1000)).value();
        }

        private static String member(String personId, String sex, String spouse, List<String> parents) {
            PersonId id = new PersonId(personId);
            StringBuilder json = new StringBuilder("{\"personId\": \"" + personId
                    + "\", \"givenNames\": \"Nimi\", \"familyName\": \"Test\", \"sex\": \"" + sex + "\", \"birthDate\": \""
                    + id.birthDate() + "\"");
            if (spouse != null) {
                json.append(", \"spouseId\": \"").append(spouse).append('"');
            }
            if (parents != null) {
                json.append(", \"legalParentIds\": [\"").append(String.join("\", \"", parents)).append("\"]");
            }
            return json.append('}').toString();
        }
    }
}
