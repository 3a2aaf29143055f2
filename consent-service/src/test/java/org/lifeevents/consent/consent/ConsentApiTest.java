package org.lifeevents.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.events.consent.ConsentState;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.lifeevents.consent.DemoPeople.KATI;
import static org.lifeevents.consent.DemoPeople.LIIS;

/** A citizen grants, lists and revokes their own consents; bad input and other people's consents change nothing. */
@QuarkusTest
class ConsentApiTest {

    @Inject
    Clock clock;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void aGrantIsListedPublishedWithTheWholeStateAndARevocationTakesItsPlace() {
        String kati = tokens().person("kati");
        Instant until = clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = consent("FAMILY_BENEFITS", List.of("TAX_INCOME", "HOUSEHOLD"));
        body.put("validUntil", until.toString());

        var created = given().auth().oauth2(kati).contentType(ContentType.JSON).body(body)
                .post("/me/consents")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("purpose", equalTo("FAMILY_BENEFITS"))
                .body("dataCategories", equalTo(List.of("TAX_INCOME", "HOUSEHOLD")))
                .body("validUntil", equalTo(until.toString()))
                .body("receiptId", notNullValue())
                .body("revokedAt", nullValue())
                .extract();
        String id = created.path("consentId");
        assertThat(created.header("Location")).endsWith("/me/consents/" + id);

        given().auth().oauth2(kati).get("/me/consents")
                .then().statusCode(200)
                .body("consentId", hasItem(id));

        TopicReader topics = new TopicReader(bootstrap);
        ConsentChangedEvent granted = topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("GRANTED"), 1).get(0);
        assertThat(granted.getPersonId()).isEqualTo(KATI);
        assertThat(stateOf(granted, id).getStatus()).isEqualTo("ACTIVE");
        assertThat(stateOf(granted, id).getValidUntil()).isEqualTo(until);
        assertThat(keyOf(topics, granted.getEventId())).isEqualTo(KATI);
        assertThat(outboxRows(granted.getEventId())).isEqualTo(1);

        given().auth().oauth2(kati).post("/me/consents/" + id + "/revoke")
                .then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue())
                .body("revocationReceiptId", notNullValue());
        ConsentChangedEvent revoked = topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("REVOKED"), 1).get(0);
        assertThat(stateOf(revoked, id).getStatus()).isEqualTo("REVOKED");
        assertThat(stateOf(revoked, id).getRevokedAt()).isNotNull();
        // The whole state: every consent of the person is in the event, not only the changed one.
        assertThat(revoked.getConsents()).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(c -> assertThat(c.getConsentId()).isNotBlank());

        long outboxBefore = outboxRowsOf(KATI);
        given().auth().oauth2(kati).post("/me/consents/" + id + "/revoke")
                .then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        assertThat(outboxRowsOf(KATI)).as("revoking again publishes nothing").isEqualTo(outboxBefore);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() {
        String kati = tokens().person("kati");
        Instant now = clock.instant();
        long consentsBefore = consentsOf(KATI);
        long outboxBefore = outboxRowsOf(KATI);

        Map<String, Object> unknownPurpose = consent("MARKETING", List.of("TAX_INCOME"));
        refused(kati, unknownPurpose, "purpose", "unknown_purpose");

        Map<String, Object> unknownCategory = consent("FAMILY_BENEFITS", List.of("TAX_INCOME", "HEALTH"));
        refused(kati, unknownCategory, "dataCategories[1]", "unknown_data_category");

        Map<String, Object> untilBeforeFrom = consent("FAMILY_BENEFITS", List.of("HOUSEHOLD"));
        untilBeforeFrom.put("validFrom", now.plus(10, ChronoUnit.DAYS).toString());
        untilBeforeFrom.put("validUntil", now.plus(5, ChronoUnit.DAYS).toString());
        refused(kati, untilBeforeFrom, "validUntil", "not_after_valid_from");

        Map<String, Object> fromInThePast = consent("FAMILY_BENEFITS", List.of("HOUSEHOLD"));
        fromInThePast.put("validFrom", now.minus(1, ChronoUnit.DAYS).toString());
        refused(kati, fromInThePast, "validFrom", "in_past");

        Map<String, Object> empty = consent(null, List.of());
        given().auth().oauth2(kati).contentType(ContentType.JSON).body(empty).post("/me/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("dataCategories", "purpose")))
                .body("errors.code", equalTo(List.of("required", "required")));

        given().auth().oauth2(kati).contentType(ContentType.JSON).body("{\"purpose\": ").post("/me/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));

        // A valid consent followed by garbage or by a second document, a key given twice, a boolean for a string:
        // each once created a consent from a guess at what was meant.
        String valid = "{\"purpose\": \"FAMILY_BENEFITS\", \"dataCategories\": [\"TAX_INCOME\"]}";
        for (String body : List.of(valid + " x", valid + " " + valid,
                "{\"purpose\": \"FAMILY_BENEFITS\", \"purpose\": \"FAMILY_BENEFITS\", \"dataCategories\": [\"HOUSEHOLD\"]}",
                "{\"purpose\": true, \"dataCategories\": [\"HOUSEHOLD\"]}")) {
            given().auth().oauth2(kati).contentType(ContentType.JSON).body(body).post("/me/consents")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.oneOf("malformed_json", "validation_failed"));
        }
        given().auth().oauth2(kati).contentType(ContentType.JSON)
                .body("{\"purpose\": \"FAMILY\\u0000BENEFITS\", \"dataCategories\": [\"HOUSEHOLD\"]}").post("/me/consents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("purpose")))
                .body("errors.code", equalTo(List.of("control_character")));

        assertThat(consentsOf(KATI)).isEqualTo(consentsBefore);
        assertThat(outboxRowsOf(KATI)).isEqualTo(outboxBefore);
    }

    @Test
    void theSubjectIsAlwaysThePersonLoggedInWhateverTheBodySays() {
        String kati = tokens().person("kati");
        long liisBefore = consentsOf(LIIS);
        Map<String, Object> forSomeoneElse = consent("FAMILY_BENEFITS", List.of("TAX_INCOME"));
        forSomeoneElse.put("personId", LIIS);
        forSomeoneElse.put("subject", LIIS);

        String id = given().auth().oauth2(kati).contentType(ContentType.JSON).body(forSomeoneElse).post("/me/consents")
                .then().statusCode(201).extract().path("consentId");

        assertThat(entityManager.createNativeQuery("select person_id from consent where consent_id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult()).isEqualTo(KATI);
        assertThat(consentsOf(LIIS)).isEqualTo(liisBefore);
    }

    @Test
    void aCitizenNeverReadsOrChangesAnotherPersonsConsents() {
        String kati = tokens().person("kati");
        String liis = tokens().person("liis");
        String katis = given().auth().oauth2(kati).contentType(ContentType.JSON)
                .body(consent("FAMILY_BENEFITS", List.of("TAX_INCOME"))).post("/me/consents")
                .then().statusCode(201).extract().path("consentId");
        String liiss = given().auth().oauth2(liis).contentType(ContentType.JSON)
                .body(consent("FAMILY_BENEFITS", List.of("HOUSEHOLD"))).post("/me/consents")
                .then().statusCode(201).extract().path("consentId");
        long outboxBefore = outboxRowsOf(KATI);

        given().auth().oauth2(liis).get("/me/consents")
                .then().statusCode(200)
                .body("consentId", hasItem(liiss))
                .body("consentId", not(hasItem(katis)));
        given().auth().oauth2(liis).get("/me/consents/" + katis)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("consent_not_found"));
        given().auth().oauth2(liis).post("/me/consents/" + katis + "/revoke")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("consent_not_found"));
        given().auth().oauth2(liis).accept(ContentType.JSON).get("/me/consents/" + katis + "/receipt")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(liis).accept("application/jose").get("/me/consents/" + katis + "/receipt")
                .then().statusCode(404);

        given().auth().oauth2(kati).get("/me/consents/" + katis)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("revokedAt", nullValue());
        assertThat(outboxRowsOf(KATI)).isEqualTo(outboxBefore);
        given().auth().oauth2(kati).get("/me/consents")
                .then().statusCode(200).body("consentId", not(hasItem(liiss)));
    }

    @Test
    void onlyCitizensManageConsents() {
        KeycloakTokens tokens = tokens();
        Map<String, Object> body = consent("FAMILY_BENEFITS", List.of("TAX_INCOME"));
        String someId = "3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c";

        given().get("/me/consents").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/me/consents").then().statusCode(401);
        given().post("/me/consents/" + someId + "/revoke").then().statusCode(401);
        given().get("/me/consents/" + someId + "/receipt").then().statusCode(401);

        for (String token : List.of(tokens.person("carl"), tokens.person("aino"), tokens.registry(),
                tokens.eligibilityService())) {
            given().auth().oauth2(token).get("/me/consents").then().statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/me/consents")
                    .then().statusCode(403);
            given().auth().oauth2(token).post("/me/consents/" + someId + "/revoke").then().statusCode(403);
            given().auth().oauth2(token).get("/me/consents/" + someId + "/receipt").then().statusCode(403);
        }
    }

    private void refused(String token, Map<String, Object> body, String field, String code) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/me/consents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(field))
                .body("errors.code", hasItem(code))
                .body("correlationId", notNullValue());
    }

    private static ConsentState stateOf(ConsentChangedEvent event, String consentId) {
        return event.getConsents().stream().filter(c -> c.getConsentId().equals(consentId)).findFirst().orElseThrow();
    }

    private static String keyOf(TopicReader topics, String eventId) {
        for (ConsumerRecord<String, byte[]> record : topics.readRaw(Topics.CONSENTS)) {
            if (record.value() != null
                    && EventCodec.decode(record.value()) instanceof ConsentChangedEvent e && e.getEventId().equals(eventId)) {
                return record.key();
            }
        }
        throw new AssertionError("event " + eventId + " is not on the topic");
    }

    private long outboxRows(String eventId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where event_id = cast(?1 as uuid)")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    private long outboxRowsOf(String personId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where partition_key = ?1")
                .setParameter(1, personId).getSingleResult()).longValue();
    }

    private long consentsOf(String personId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from consent where person_id = ?1")
                .setParameter(1, personId).getSingleResult()).longValue();
    }

    private KeycloakTokens tokens() {
        return new KeycloakTokens(realmUrl);
    }

    static Map<String, Object> consent(String purpose, List<String> categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", purpose);
        body.put("dataCategories", categories);
        return body;
    }
}
