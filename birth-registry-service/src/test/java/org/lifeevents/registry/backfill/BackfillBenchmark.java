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
     * A migration file made while it is read, so the test holds one line at a time: households first in each family,
     * then, now and then, a birth of a child to the family's mother or the death of an older member.
     */
    static final class MigrationFile extends InputStream {

        private static final LocalDate ADULTS_FROM = LocalDate.of(1950, 1, 1);
        private static final LocalDate CHILDREN_FROM = LocalDate.of(2005, 1, 1);
        private static final LocalDate NEWBORNS_FROM = LocalDate.of(2020, 1, 1);

        private final long lines;
        private final int birthsPerThousand;
        private final int deathsPerThousand;
        private final String run = Long.toString(System.nanoTime(), 36);
        private long line;
        private long adults;
        private long children;
        private long newborns;
        private String lastMother;
        private boolean motherUsed;
        private String lastElder;
        private byte[] current = new byte[0];
        private int position;

        MigrationFile(long lines, int birthsPerThousand, int deathsPerThousand) {
            this.lines = lines;
            this.birthsPerThousand = birthsPerThousand;
            this.deathsPerThousand = deathsPerThousand;
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
            if (every(birthsPerThousand, 7) && lastMother != null && !motherUsed) {
                text = birth();
            } else if (every(deathsPerThousand, 13) && lastElder != null) {
                text = death();
            } else {
                text = household();
            }
            current = (text + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        /** Spreads the given number of lines per thousand evenly over the file, at an offset. */
        private boolean every(int perThousand, int offset) {
            return perThousand > 0 && (line + offset) % (1000 / perThousand) == 0;
        }

        private String household() {
            int size = (int) (line % 4) + 1;
            StringBuilder members = new StringBuilder();
            long adult = adults++;
            String mother = id("F", ADULTS_FROM, adult);
            String father = id("M", ADULTS_FROM, adult);
            members.append(member(mother, "F", size > 1 ? father : null, null));
            if (size > 1) {
                members.append(", ").append(member(father, "M", mother, null));
            }
            for (int i = 2; i < size; i++) {
                String child = id(i % 2 == 0 ? "F" : "M", CHILDREN_FROM, children++);
                members.append(", ").append(member(child, i % 2 == 0 ? "F" : "M", null, List.of(mother, father)));
            }
            lastMother = mother;
            motherUsed = false;
            lastElder = size > 1 ? father : null;
            return "{\"type\": \"household\", \"householdId\": \"BH-" + run + "-" + line
                    + "\", \"effectiveFrom\": \"2024-01-01\", \"address\": {\"street\": \"Pikk " + line
                    + "\", \"postalCode\": \"10123\", \"municipality\": \"Tallinn\", \"countryCode\": \"EE\"},"
                    + " \"members\": [" + members + "]}";
        }

        private String birth() {
            // One birth per mother, so no two children of the file are siblings of one birth by accident.
            motherUsed = true;
            String child = id(line % 2 == 0 ? "F" : "M", NEWBORNS_FROM, newborns++);
            return "{\"type\": \"birth\", \"registrationNumber\": \"BB-" + run + "-" + line + "\", \"childId\": \"" + child
                    + "\", \"givenNames\": \"Laps\", \"familyName\": \"Test\", \"sex\": \"" + (line % 2 == 0 ? "F" : "M")
                    + "\", \"birthDate\": \"" + new PersonId(child).birthDate() + "\", \"placeOfBirth\": \"Tallinn\","
                    + " \"motherId\": \"" + lastMother + "\", \"childrenInBirth\": 1, \"birthOrder\": 1}";
        }

        private String death() {
            String text = "{\"type\": \"death\", \"registrationNumber\": \"BD-" + run + "-" + line + "\", \"personId\": \""
                    + lastElder + "\", \"dateOfDeath\": \"2025-06-01\", \"placeOfDeath\": \"Tallinn\"}";
            lastElder = null;
            return text;
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
