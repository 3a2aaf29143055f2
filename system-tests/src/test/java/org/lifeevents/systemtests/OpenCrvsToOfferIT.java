package org.lifeevents.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A real registry plugs in: an OpenCRVS birth notification (a FHIR R4 document bundle, as OpenCRVS shapes it) posted
 * by the registry client becomes a registration, and the mother, signed in as herself, finds the pre-filled birth grant
 * for her child in her offers; the same notification again registers nothing more.
 */
class OpenCrvsToOfferIT {

    // Liis Kask, a demo citizen with a login; her household here is the test's own.
    private static final String LIIS = "49008010156";
    private static final String HOUSEHOLD = "H-SYS-OCRVS-1";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private static LocalStack stack;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void stack() {
        stack = SystemStack.get();
        tokens = stack.keycloak().tokens();
    }

    @Test
    void anOpenCrvsBirthBundleBecomesTheMothersPrefilledOfferOnce() throws IOException {
        String registry = tokens.registry();
        given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(Map.of("reason", "INITIAL_LOAD", "members", List.of(Map.of("personId", LIIS, "givenNames", "Liis",
                        "familyName", "Kask", "sex", "F", "birthDate", "1990-08-01"))))
                .put(stack.url(Service.REGISTRY) + "/households/" + HOUSEHOLD)
                .then().statusCode(200);
        LocalDate born = LocalDate.of(2026, 9, 21);
        String child = "62609212717"; // a girl born on 21 September 2026, serial 271, check digit 7
        String bundle = bundle(Map.of("childId", child, "childGivenNames", "Kerli", "childGender", "female",
                "childBirthDate", born.toString(), "motherId", LIIS, "motherBirthDate", "1990-08-01",
                "registrationNumber", "2026BOCRVS1", "trackingId", "BOCRVS1"));

        for (int delivery = 0; delivery < 2; delivery++) {
            given().auth().oauth2(registry).contentType("application/fhir+json").body(bundle)
                    .post(stack.url(Service.REGISTRY) + "/opencrvs/bundles")
                    .then().log().ifValidationFails().statusCode(200)
                    .body("outcome", equalTo("REGISTERED"))
                    .body("registration.subjectPersonId", equalTo(child))
                    .body("registration.householdId", equalTo(HOUSEHOLD));
        }

        String liis = tokens.person("liis");
        String grant = "findAll { it.benefit == 'BIRTH_GRANT' && it.beneficiaryId == '" + child + "' }";
        JsonPath offers = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(liis).get(stack.url(Service.ELIGIBILITY) + "/me/offers").then()
                        .statusCode(200).extract().jsonPath(), o -> !o.getList(grant).isEmpty());
        assertThat(offers.getList(grant)).hasSize(1);
        assertThat(offers.getString(grant + "[0].status")).isEqualTo("OFFERED");
        assertThat(offers.getInt(grant + "[0].amountCents")).isEqualTo(32000);
        assertThat(offers.getString(grant + "[0].explanation.inputs.find { it.name == 'mother' }.source"))
                .startsWith("civil registry");
    }

    /** The registry's own OpenCRVS fixture, the one its service tests read, with this family's values. */
    private static String bundle(Map<String, String> values) throws IOException {
        Path root = Path.of(System.getProperty("lifeevents.root", "..")).toAbsolutePath().normalize();
        String text = Files.readString(
                root.resolve("birth-registry-service/src/test/resources/opencrvs/birth-mother-only.json"));
        Map<String, String> all = new HashMap<>(values);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            // a resource's uuid is the same wherever the bundle points at it
            String value = all.computeIfAbsent(key, k -> k.endsWith("Uuid") ? UUID.randomUUID().toString()
                    : k.equals("registeredAt") ? "2026-09-22T10:15:20.040+00:00" : null);
            if (value == null) {
                throw new IllegalArgumentException("The fixture needs a value for " + key);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
