package org.lifeevents.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.time.BusinessClock;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The business-date endpoint every service has from the common jar, here on the registry with real Keycloak tokens:
 * the operator reads and moves the date forward, every other role is refused, and bad input is a 400 that leaves the
 * date as it was. The module's tests share one application, so each test puts the clock back as it found it (a test
 * profile of its own would restart the application, and with it the module's shared servers).
 */
@QuarkusTest
class BusinessDateEndpointTest {

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Inject
    Clock clock;

    @Inject
    BusinessClock businessClock;

    KeycloakTokens tokens;
    Duration offsetBefore;

    @BeforeEach
    void setUp() {
        tokens = new KeycloakTokens(realmUrl);
        offsetBefore = businessClock.offset();
    }

    @AfterEach
    void putTheClockBack() {
        businessClock.restore(offsetBefore);
    }

    @Test
    void theOperatorMovesTheDateForwardAndTheServiceLivesOnIt() {
        String olga = tokens.person("olga");
        LocalDate today = LocalDate.now(clock);
        read(olga).body("date", equalTo(today.toString())).body("shifted", equalTo(true))
                .body("movable", equalTo(true));

        LocalDate next = today.plusMonths(1).withDayOfMonth(10);
        move(olga, Map.of("date", next.toString())).statusCode(200).body("date", equalTo(next.toString()));
        assertThat(LocalDate.now(clock)).isEqualTo(next);
        read(tokens.person("aino")).body("date", equalTo(next.toString()));

        // the same date again is no move (it would turn the clock back to noon)
        move(olga, Map.of("date", next.toString())).statusCode(200).body("date", equalTo(next.toString()));
    }

    @Test
    void onlyTheOperatorMovesIt() {
        LocalDate before = LocalDate.now(clock);
        Map<String, String> body = Map.of("date", before.plusYears(1).toString());
        given().contentType(ContentType.JSON).body(body).put("/admin/business-date").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        for (String other : new String[] { tokens.registry(), tokens.taxFeed(), tokens.person("kati"),
                tokens.person("carl"), tokens.person("aino"), tokens.person("otto") }) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body(body).put("/admin/business-date").then()
                    .statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
        for (String reader : new String[] { tokens.registry(), tokens.taxFeed(), tokens.person("kati") }) {
            given().auth().oauth2(reader).get("/admin/business-date").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(LocalDate.now(clock)).isEqualTo(before);
    }

    @Test
    void badInputIsABadRequestAndChangesNothing() {
        String olga = tokens.person("olga");
        LocalDate before = LocalDate.now(clock);
        move(olga, Map.of()).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("date"));
        move(olga, Map.of("date", "2027-02-30")).statusCode(400).contentType("application/problem+json");
        move(olga, Map.of("date", "10.03.2027")).statusCode(400).contentType("application/problem+json");
        move(olga, Map.of("date", "")).statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(olga).contentType(ContentType.JSON).put("/admin/business-date").then().statusCode(400)
                .contentType("application/problem+json");
        move(olga, Map.of("date", before.minusDays(1).toString())).statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("before_current_business_date"))
                .body("errors[0].field", equalTo("date"));
        assertThat(LocalDate.now(clock)).isEqualTo(before);
        read(olga).body("date", equalTo(before.toString()));
    }

    private static ValidatableResponse read(String token) {
        return given().auth().oauth2(token).get("/admin/business-date").then().statusCode(200);
    }

    private static ValidatableResponse move(String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/admin/business-date")
                .then();
    }
}
