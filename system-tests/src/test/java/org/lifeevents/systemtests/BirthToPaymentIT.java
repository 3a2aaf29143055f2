package org.lifeevents.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton on real components: a birth posted by the registry reaches eligibility through Kafka, the
 * mother confirms the pre-filled offer, and the payment service schedules exactly one payment of 320.00 EUR, whatever
 * is confirmed or delivered twice.
 */
class BirthToPaymentIT {

    private static final String KATI = "49403136515";
    private static final String JAAN = "39205202210";
    private static final String CHILD = "62603020013";
    private static final String BIRTH_GRANT_PAYMENTS = "findAll { it.benefit == 'BIRTH_GRANT' }";

    private static LocalStack stack;
    private static KeycloakTokens tokens;
    private static TopicReader topics;

    @BeforeAll
    static void stack() {
        stack = SystemStack.get();
        tokens = stack.keycloak().tokens();
        topics = new TopicReader(stack.kafka().bootstrapServers());
    }

    @Test
    void aBirthBecomesAnOfferTheMotherConfirmsAndExactlyOnePaymentIsScheduled() {
        String registry = tokens.registry();
        given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(Map.of("reason", "INITIAL_LOAD",
                        "members", List.of(
                                Map.of("personId", KATI, "givenNames", "Kati", "familyName", "Tamm", "sex", "F",
                                        "birthDate", "1994-03-13", "spouseId", JAAN),
                                Map.of("personId", JAAN, "givenNames", "Jaan", "familyName", "Tamm", "sex", "M",
                                        "birthDate", "1992-05-20", "spouseId", KATI))))
                .put(stack.url(Service.REGISTRY) + "/households/H-SYS-1")
                .then().statusCode(200);

        String correlationId = given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("registrationNumber", "B-SYS-1"), Map.entry("childId", CHILD),
                        Map.entry("givenNames", "Mari"), Map.entry("familyName", "Tamm"), Map.entry("sex", "F"),
                        Map.entry("birthDate", "2026-03-02"), Map.entry("placeOfBirth", "Tallinn"),
                        Map.entry("motherId", KATI), Map.entry("fatherId", JAAN), Map.entry("childrenInBirth", 1),
                        Map.entry("birthOrder", 1)))
                .post(stack.url(Service.REGISTRY) + "/registrations/births")
                .then().statusCode(201).extract().path("correlationId");

        String kati = tokens.person("kati");
        JsonPath offers = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> offersOf(kati), o -> o.getList("benefit").containsAll(List.of("BIRTH_GRANT", "CHILD_ALLOWANCE")));
        Map<String, Object> birthGrant = offer(offers, "BIRTH_GRANT");
        assertThat(birthGrant).containsEntry("status", "OFFERED").containsEntry("amountCents", 32000);
        assertThat(
                offers.getString("find { it.benefit == 'BIRTH_GRANT' }.explanation.inputs.find { it.name == 'mother' }.source"))
                .startsWith("civil registry");
        assertThat(offer(offers, "CHILD_ALLOWANCE")).containsEntry("status", "GRANTED").containsEntry("amountCents", 8000);
        String entitlementId = (String) birthGrant.get("entitlementId");

        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("iban", "EE382200221020145685"))
                .put(stack.url(Service.PAYMENT) + "/me/payout-account").then().statusCode(200);
        for (int click = 0; click < 2; click++) {
            given().auth().oauth2(kati)
                    .post(stack.url(Service.ELIGIBILITY) + "/me/offers/" + entitlementId + "/confirm")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("GRANTED"));
        }

        // The child allowance is granted too (months already past are paid in arrears): only the grant is one-off.
        JsonPath payments = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> paymentsOf(kati), p -> !p.getList(BIRTH_GRANT_PAYMENTS).isEmpty());
        assertThat(payments.getList(BIRTH_GRANT_PAYMENTS)).hasSize(1);
        assertThat(payments.getInt(BIRTH_GRANT_PAYMENTS + "[0].amountCents")).isEqualTo(32000);
        assertThat(payments.getString(BIRTH_GRANT_PAYMENTS + "[0].endToEndId")).isEqualTo(correlationId);

        redeliver(Topics.ENTITLEMENTS, EntitlementChangedEvent.class, entitlementId);
        redeliver(Topics.REGISTRATIONS, BirthRegisteredEvent.class, CHILD);
        awaitConsumed();

        assertThat(paymentsOf(kati).getList(BIRTH_GRANT_PAYMENTS)).hasSize(1);
        assertThat(offersOf(kati).getList("findAll { it.benefit == 'BIRTH_GRANT' }")).hasSize(1);
        assertThat(topics.read(Topics.PAYMENTS, PaymentScheduledEvent.class).stream()
                .filter(e -> e.getEntitlementId().equals(entitlementId))).hasSize(1);
    }

    /** Publishes again, byte for byte, the record about the key: what a redelivery after a consumer crash looks like. */
    private static void redeliver(String topic, Class<?> type, String key) {
        ConsumerRecord<String, byte[]> original = topics.readRaw(topic).stream()
                .filter(r -> r.key().equals(key) && type.isInstance(EventCodec.decode(r.value())))
                .findFirst().orElseThrow();
        topics.publishRaw(topic, original.key(), original.value());
    }

    /** Gives the consumers time to see the redelivered records (there is no outcome to wait for: nothing must change). */
    private static void awaitConsumed() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonPath offersOf(String token) {
        return given().auth().oauth2(token).get(stack.url(Service.ELIGIBILITY) + "/me/offers")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath paymentsOf(String token) {
        return given().auth().oauth2(token).get(stack.url(Service.PAYMENT) + "/me/payments")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> offer(JsonPath offers, String benefit) {
        return offers.getMap("find { it.benefit == '" + benefit + "' }");
    }
}
