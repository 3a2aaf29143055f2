package org.lifeevents.eligibility.taxfeed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.events.Topics;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.lifeevents.eligibility.Inputs.person;

/** The tax authority's feed: checked at the edge, published through the outbox once, and taken in as an input. */
@QuarkusTest
class TaxFeedTest {

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    KeycloakTokens tokens;
    TopicReader topics;

    @BeforeEach
    void setUp() {
        tokens = new KeycloakTokens(realmUrl);
        topics = new TopicReader(bootstrap);
    }

    @Test
    void anIncomeIsPublishedOnceKeyedByPersonAndYearAndStoredAsAnInput() {
        String taxpayer = person("F", LocalDate.of(1994, 3, 13));
        Map<String, Object> body = incomes(assessment("EMTA-" + taxpayer, taxpayer, 2025, 4_200_000L));
        String feed = tokens.taxFeed();

        String eventId = given().auth().oauth2(feed).contentType(ContentType.JSON).body(body)
                .post("/tax-feed/incomes")
                .then().statusCode(200).body("accepted", equalTo(1)).body("items[0].status", equalTo("ACCEPTED"))
                .extract().path("items[0].eventId");
        given().auth().oauth2(feed).contentType(ContentType.JSON).body(body).post("/tax-feed/incomes")
                .then().statusCode(200).body("alreadyReceived", equalTo(1)).body("items[0].eventId", equalTo(eventId));

        List<ConsumerRecord<String, byte[]>> records = await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> topics.readRaw(Topics.INCOMES).stream()
                        .filter(r -> EventCodec.decode(r.value()) instanceof IncomeAssessedEvent e
                                && e.getPersonId().equals(taxpayer))
                        .toList(), r -> !r.isEmpty());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(taxpayer + ":2025");
            IncomeAssessedEvent event = (IncomeAssessedEvent) EventCodec.decode(r.value());
            assertThat(event.getEventId()).isEqualTo(eventId);
            assertThat(event.getTaxableIncomeCents()).isEqualTo(4_200_000L);
        });
        assertThat(Stored.outboxRows(Topics.INCOMES, taxpayer + ":2025")).isEqualTo(1);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> Stored.count(
                "select count(*) from income_fact where person_id = ?1 and tax_year = 2025 and taxable_income_cents = 4200000",
                taxpayer) == 1);
    }

    @Test
    void anAssessmentIdReusedWithOtherFiguresIsRefusedAndNothingIsPublished() {
        String taxpayer = person("M", LocalDate.of(1992, 5, 20));
        String feed = tokens.taxFeed();
        given().auth().oauth2(feed).contentType(ContentType.JSON)
                .body(incomes(assessment("EMTA-R-" + taxpayer, taxpayer, 2025, 6_500_000L)))
                .post("/tax-feed/incomes").then().statusCode(200);

        given().auth().oauth2(feed).contentType(ContentType.JSON)
                .body(incomes(assessment("EMTA-R-" + taxpayer, taxpayer, 2025, 1L)))
                .post("/tax-feed/incomes")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("assessment_id_reused"))
                .body("errors[0].field", equalTo("assessments[0].assessmentId"));
        assertThat(Stored.outboxRows(Topics.INCOMES, taxpayer + ":2025")).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreAllNamedAndTheWholeBatchIsRefused() {
        String good = person("F", LocalDate.of(1990, 1, 1));
        Map<String, Object> bad = assessment("EMTA-B-" + good, "49403136516", 2025, -1L);
        Map<String, Object> future = assessment("EMTA-F-" + good, good, Year.now(clock).getValue() + 1, 100L);

        given().auth().oauth2(tokens.taxFeed()).contentType(ContentType.JSON)
                .body(incomes(assessment("EMTA-G-" + good, good, 2025, 100L), bad))
                .post("/tax-feed/incomes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("assessments[1].personId", "assessments[1].taxableIncomeCents"))
                .body("errors.code", hasItems("invalid_person_id", "out_of_range"));
        given().auth().oauth2(tokens.taxFeed()).contentType(ContentType.JSON).body(incomes(future))
                .post("/tax-feed/incomes")
                .then().statusCode(400).body("errors[0].field", equalTo("assessments[0].taxYear"))
                .body("errors[0].code", equalTo("in_future"));
        assertThat(Stored.outboxRows(Topics.INCOMES, good + ":2025")).isZero();
    }

    @Test
    void refundAccountsArePublishedForThePaymentServiceWithTheirIbanChecked() {
        String person = person("M", LocalDate.of(1987, 1, 30));
        String feed = tokens.taxFeed();
        Map<String, Object> account = new HashMap<>(Map.of("personId", person, "iban", "EE382200221020145685",
                "recordedOn", "2025-04-30"));

        given().auth().oauth2(feed).contentType(ContentType.JSON).body(Map.of("accounts", List.of(account)))
                .post("/tax-feed/refund-accounts").then().statusCode(200).body("accepted", equalTo(1));
        given().auth().oauth2(feed).contentType(ContentType.JSON).body(Map.of("accounts", List.of(account)))
                .post("/tax-feed/refund-accounts").then().statusCode(200).body("alreadyReceived", equalTo(1));
        account.put("iban", "EE382200221020145686");
        given().auth().oauth2(feed).contentType(ContentType.JSON).body(Map.of("accounts", List.of(account)))
                .post("/tax-feed/refund-accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("accounts[0].iban"))
                .body("errors[0].code", equalTo("invalid_iban"));

        TaxRefundAccountEvent event = topics.await(Topics.TAX_REFUND_ACCOUNTS, TaxRefundAccountEvent.class,
                e -> e.getPersonId().equals(person), 1).get(0);
        assertThat(event.getIban()).isEqualTo("EE382200221020145685");
        assertThat(event.getRecordedOn()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(Stored.outboxRows(Topics.TAX_REFUND_ACCOUNTS, person)).isEqualTo(1);
    }

    @Test
    void onlyTheTaxFeedMayPublish() {
        Map<String, Object> body = incomes(assessment("EMTA-S", "49403136515", 2025, 1L));
        given().contentType(ContentType.JSON).body(body).post("/tax-feed/incomes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("accounts", List.of())).post("/tax-feed/refund-accounts")
                .then().statusCode(401);
        for (String token : List.of(tokens.registry(), tokens.person("kati"), tokens.person("carl"),
                tokens.person("aino"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/tax-feed/incomes")
                    .then().statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("accounts", List.of(Map.of("personId", "49403136515", "recordedOn", "2025-01-01"))))
                    .post("/tax-feed/refund-accounts").then().statusCode(403);
        }
    }

    private static Map<String, Object> assessment(String id, String personId, int year, long cents) {
        return Map.of("assessmentId", id, "personId", personId, "taxYear", year, "taxableIncomeCents", cents,
                "assessedAt", "2026-03-31T09:00:00Z");
    }

    @SafeVarargs
    private static Map<String, Object> incomes(Map<String, Object>... assessments) {
        return Map.of("assessments", List.of(assessments));
    }
}
