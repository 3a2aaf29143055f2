package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * The operator's re-drive of dead-lettered records, on real Kafka, PostgreSQL and Keycloak: a valid birth that an
 * outage once sent to the dead-letter topic is decided when re-driven, a record still breaking the contract is
 * reported and not read again, and a second re-drive reads nothing.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.REGISTRATIONS, "eligibility-service");

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    KeycloakTokens tokens;
    Inputs inputs;
    TopicReader topics;

    @BeforeEach
    void setUp() {
        tokens = new KeycloakTokens(realmUrl);
        inputs = new Inputs(bootstrap, clock);
        topics = new TopicReader(bootstrap);
    }

    @Test
    void aDeadLetteredBirthIsDecidedWhenReDrivenAndEachRecordIsReadOnce() {
        String olga = tokens.person("olga");
        redrive(olga); // whatever earlier tests left on the topic
        String mother = person("F", LocalDate.of(1991, 4, 4));
        String child = person("M", LocalDate.of(2026, 4, 14));
        String household = "H-DLR-" + child;
        String correlationId = Events.newCorrelationId();
        inputs.household(household, 1, LocalDate.of(2020, 1, 1), "INITIAL_LOAD", correlationId,
                List.of(member(mother, "Maie", null, List.of())));
        BirthRegisteredEvent refusedInAnOutage = inputs.birthEvent("B-" + child, child, "Rasmus",
                LocalDate.of(2026, 4, 14), mother, null, 1, 1, household, correlationId);
        BirthRegisteredEvent breakingTheContract = inputs.birthEvent("B-BAD-" + child, "62606060004", "X",
                LocalDate.of(2026, 4, 14), mother, null, 1, 1, household, correlationId);
        topics.publish(DEAD_LETTERS, child, refusedInAnOutage);
        topics.publish(DEAD_LETTERS, "62606060004", breakingTheContract);

        redrive(olga).body("read", equalTo(2)).body("redriven", equalTo(1))
                .body("refusedAgain.size()", equalTo(1))
                .body("refusedAgain[0].reason", containsString("not a valid personal identification code"));

        assertThat(Stored.awaitEntitlement(EntitlementKeys.birthGrant(child)).beneficiaryId).isEqualTo(child);
        redrive(olga).body("read", equalTo(0)).body("redriven", equalTo(0));
        assertThat(Stored.count("select count(*) from birth_fact where child_id = ?1", "62606060004")).isZero();
    }

    @Test
    void onlyTheOperatorReDrivesAndOnlyTopicsTheServiceConsumes() {
        given().auth().oauth2(tokens.person("carl")).post("/admin/dead-letters/" + Topics.REGISTRATIONS + "/redrive")
                .then().statusCode(403);
        given().post("/admin/dead-letters/" + Topics.REGISTRATIONS + "/redrive").then().statusCode(401);
        given().auth().oauth2(tokens.person("olga")).post("/admin/dead-letters/" + Topics.ENTITLEMENTS + "/redrive")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("dead_letter_topic_unknown"));
    }

    private io.restassured.response.ValidatableResponse redrive(String token) {
        return given().auth().oauth2(token).post("/admin/dead-letters/" + Topics.REGISTRATIONS + "/redrive").then()
                .statusCode(200).body("deadLetterTopic", equalTo(DEAD_LETTERS));
    }
}
