package org.lifeevents.eligibility.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localservers.testing.SharedServers;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * A failure that is not the event's fault never sends it to a dead-letter topic: while the database refuses every
 * connection for far longer than the intake's quick retries, valid events wait in their partitions, and once it is
 * back they are decided as if nothing had happened.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String DATABASE = "eligibility";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @Test
    void validEventsWaitOutADatabaseOutageAndNoneIsDeadLettered() throws Exception {
        Inputs inputs = new Inputs(bootstrap, clock);
        TopicReader topics = inputs.topics();
        LocalDate born = LocalDate.of(2026, 4, 14);
        List<String> children = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(SharedServers.postgres(DATABASE).jdbcUrl("postgres"),
                PostgresServer.USER, PostgresServer.PASSWORD)) {
            refuseConnections(admin, true);
            try {
                for (int i = 0; i < 3; i++) {
                    String mother = person("F", LocalDate.of(1990 + i, 1, 1));
                    String child = person("M", born);
                    String household = "H-OUT-" + child;
                    String correlationId = Events.newCorrelationId();
                    eventIds.add(inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD",
                            Events.newCorrelationId(), List.of(member(mother, "Anu", null, List.of()))).getEventId());
                    eventIds.add(inputs.birth("B-" + child, child, "Ott", born, mother, null, 1, 1, household,
                            correlationId).getEventId());
                    eventIds.add(inputs.household(household, 2, born, "BIRTH", correlationId,
                            List.of(member(mother, "Anu", null, List.of()), child(child, "Ott", 1, 1, mother)))
                            .getEventId());
                    children.add(child + "/" + household);
                }
                // longer than every quick retry of the intake (about 3 s): before, the events went to dead letters here
                Thread.sleep(Duration.ofSeconds(12).toMillis());
            } finally {
                refuseConnections(admin, false);
            }
        }

        for (String childAndHousehold : children) {
            String[] parts = childAndHousehold.split("/");
            Stored.awaitEntitlement(EntitlementKeys.childAllowance(parts[0], parts[1]), e -> e.status.equals("GRANTED"));
        }
        Set<String> ours = Set.copyOf(eventIds);
        for (String topic : List.of(Topics.REGISTRATIONS, Topics.HOUSEHOLDS)) {
            assertThat(topics.readRaw(Topics.deadLetter(topic, "eligibility-service")).stream()
                    .map(r -> Events.eventId(EventCodec.decode(r.value()))).filter(ours::contains)
                    .collect(Collectors.toList())).as("dead-lettered from " + topic).isEmpty();
        }
    }

    /** Plays the database going away: no new connection is accepted, and the service's open ones are cut. */
    private static void refuseConnections(Connection admin, boolean refuse) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("alter database " + DATABASE + " with allow_connections " + !refuse);
            if (refuse) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
