package org.lifeevents.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * The inbox and the preferences belong to the signed-in citizen: another citizen neither sees nor marks her notices,
 * other roles and anonymous callers are refused, bad input is refused with a problem and changes nothing.
 */
@QuarkusTest
class SecurityTest {

    /** Helgi: only this test publishes for her. */
    static final String HELGI = "46004040086";

    @Inject
    Clock clock;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCitizenReadsAndMarksOnlyHerOwnNotices() {
        EntitlementDecidedEvent grant = Families.decided(HELGI, "BIRTH_GRANT", "OFFERED", 32_000,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        new TopicReader(bootstrap).publish(Topics.ENTITLEMENTS, HELGI, grant);
        String helgi = Citizens.token(realmUrl, "helgi");
        String jaan = Citizens.token(realmUrl, "jaan");
        String noticeId = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(helgi)
                .get("/me/notices").then().statusCode(200).extract().jsonPath().getString("[0].noticeId"),
                id -> id != null);

        given().auth().oauth2(jaan).get("/me/notices").then().statusCode(200).body("noticeId", not(hasItem(noticeId)));
        given().auth().oauth2(jaan).post("/me/notices/" + noticeId + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("notice_not_found"));
        given().auth().oauth2(helgi).get("/me/notices").then().body("[0].read", equalTo(false));

        given().auth().oauth2(helgi).post("/me/notices/" + noticeId + "/read").then().statusCode(204);
        given().auth().oauth2(helgi).post("/me/notices/" + noticeId + "/read").then().statusCode(204);
        given().auth().oauth2(helgi).get("/me/notices").then().body("[0].read", equalTo(true)).body("$", hasSize(1));
    }

    @Test
    void otherRolesAndAnonymousCallersAreRefused() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String caseworker = tokens.person("carl");
        for (String path : new String[] { "/me/notices", "/me/notification-preferences" }) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(caseworker).get(path).then().statusCode(403);
        }
        given().auth().oauth2(tokens.registry()).post("/me/notices/" + java.util.UUID.randomUUID() + "/read").then()
                .statusCode(403);
    }

    @Test
    void badPreferencesAreRefusedAndChangeNothing() {
        String jaan = Citizens.token(realmUrl, "jaan");
        given().auth().oauth2(jaan).contentType(ContentType.JSON)
                .body(Map.of("language", "fr", "email", "not-an-address", "emailEnabled", true))
                .put("/me/notification-preferences")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(jaan).get("/me/notification-preferences").then().statusCode(200)
                .body("language", equalTo("en")).body("email", equalTo(null));
        given().queryParam("token", "no-such-token").get("/notification-preferences/verification").then()
                .statusCode(404).body("code", equalTo("verification_link_unknown"));
    }
}
