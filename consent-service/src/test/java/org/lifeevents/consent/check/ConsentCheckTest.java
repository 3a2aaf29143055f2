package org.lifeevents.consent.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.consent.consent.ConsentRequest;
import org.lifeevents.consent.consent.ConsentService;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.lifeevents.consent.DemoPeople.JAAN;

/** The synchronous consent check the eligibility service calls before it reads a person's data. */
@QuarkusTest
class ConsentCheckTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Inject
    ConsentService consents;

    @Test
    void aRevocationIsRefusedByTheCheckTheMomentItIsAnswered() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String jaan = tokens.person("jaan");
        String eligibility = tokens.eligibilityService();
        revokeEverything(jaan);
        String id = given().auth().oauth2(jaan).contentType(ContentType.JSON)
                .body(Map.of("purpose", "FAMILY_BENEFITS", "dataCategories", List.of("TAX_INCOME", "HOUSEHOLD")))
                .post("/me/consents").then().statusCode(201).extract().path("consentId");

        String allowed = check(eligibility, JAAN, "TAX_INCOME").statusCode(200)
                .header("Cache-Control", "no-store")
                .body("allowed", equalTo(true))
                .body("consentId", equalTo(id))
                .extract().asString();
        assertThat(allowed).contains("\"validUntil\":null");

        given().auth().oauth2(jaan).post("/me/consents/" + id + "/revoke").then().statusCode(200);

        // No waiting, no topic: the very next check after the revocation's answer refuses.
        String refused = check(eligibility, JAAN, "TAX_INCOME").statusCode(200)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("REVOKED"))
                .extract().asString();
        assertThat(refused).doesNotContain("consentId");
        check(eligibility, JAAN, "HOUSEHOLD").statusCode(200).body("reason", equalTo("REVOKED"));
    }

    @Test
    void theCheckAllowsOnlyTheCategoriesAndTimeTheConsentCovers() {
        String eligibility = new KeycloakTokens(realmUrl).eligibilityService();
        String nobody = person(1);
        check(eligibility, nobody, "TAX_INCOME").statusCode(200)
                .body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));

        String householdOnly = person(2);
        String id = grant(householdOnly, List.of("HOUSEHOLD"), null, null);
        check(eligibility, householdOnly, "HOUSEHOLD").statusCode(200)
                .body("allowed", equalTo(true)).body("consentId", equalTo(id));
        check(eligibility, householdOnly, "TAX_INCOME").statusCode(200)
                .body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));

        String later = person(3);
        grant(later, List.of("TAX_INCOME"), clock.instant().plus(1, ChronoUnit.HOURS), null);
        check(eligibility, later, "TAX_INCOME").statusCode(200)
                .body("allowed", equalTo(false)).body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    void anExpiredConsentIsRefusedFromTheInstantItEnds() {
        String eligibility = new KeycloakTokens(realmUrl).eligibilityService();
        String subject = person(4);
        Instant until = clock.instant().plus(2, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        String id = grant(subject, List.of("TAX_INCOME"), null, until);

        check(eligibility, subject, "TAX_INCOME").statusCode(200)
                .body("allowed", equalTo(true)).body("consentId", equalTo(id)).body("validUntil", equalTo(until.toString()));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(
                () -> check(eligibility, subject, "TAX_INCOME").statusCode(200)
                        .body("allowed", equalTo(false)).body("reason", equalTo("EXPIRED")));
        assertThat(clock.instant()).isAfterOrEqualTo(until);
    }

    @Test
    void invalidQuestionsAreRefusedWithProblemDetails() {
        String eligibility = new KeycloakTokens(realmUrl).eligibilityService();
        check(eligibility, "49403136516", "TAX_INCOME").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", equalTo(List.of("subject")))
                .body("errors.code", equalTo(List.of("invalid_person_id")));
        given().auth().oauth2(eligibility)
                .queryParam("subject", "123").queryParam("purpose", "MARKETING").queryParam("category", "HEALTH")
                .get("/consent-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("subject", "purpose", "category"))
                .body("errors.code", hasItems("invalid_person_id", "unknown_purpose", "unknown_data_category"));
        given().auth().oauth2(eligibility).get("/consent-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.code", hasItem("required"));
    }

    @Test
    void onlyServicesWithTheConsentCheckRoleMayAsk() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String subject = person(5);
        given().queryParam("subject", subject).queryParam("purpose", "FAMILY_BENEFITS").queryParam("category", "TAX_INCOME")
                .get("/consent-checks").then().statusCode(401).contentType("application/problem+json");
        check(tokens.eligibilityService(), subject, "TAX_INCOME").statusCode(200);
        for (String token : List.of(tokens.person("kati"), tokens.person("carl"), tokens.person("aino"),
                tokens.registry(), tokens.taxFeed())) {
            check(token, subject, "TAX_INCOME").statusCode(403).body("code", equalTo("forbidden"));
        }
    }

    private static ValidatableResponse check(String token, String subject, String category) {
        return given().auth().oauth2(token)
                .queryParam("subject", subject)
                .queryParam("purpose", "FAMILY_BENEFITS")
                .queryParam("category", category)
                .get("/consent-checks")
                .then();
    }

    private String grant(String personId, List<String> categories, Instant from, Instant until) {
        return consents.grant(personId, new ConsentRequest("FAMILY_BENEFITS", categories, from, until), "test-check").consentId
                .toString();
    }

    private static void revokeEverything(String token) {
        List<String> open = given().auth().oauth2(token).get("/me/consents").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.status == 'ACTIVE' || it.status == 'SCHEDULED' }.consentId");
        for (String id : open) {
            given().auth().oauth2(token).post("/me/consents/" + id + "/revoke").then().statusCode(200);
        }
    }

    /** A person of this test class only. */
    private static String person(int serial) {
        return PersonId.of("F", LocalDate.of(1983, 5, 17), 300 + serial).value();
    }
}
