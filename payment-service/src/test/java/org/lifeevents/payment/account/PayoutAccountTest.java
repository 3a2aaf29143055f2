package org.lifeevents.payment.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PayoutAccountTest {

    /** Demo citizen jaan; liis for the tax record. */
    private static final String JAAN = "39205202210";
    private static final String LIIS = "49008010156";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Test
    void aCitizenSetsAnIbanWrittenWithSpacesAndTheOthersLearnOnlyThatOneIsKnown() {
        String jaan = new KeycloakTokens(realmUrl).person("jaan");
        given().auth().oauth2(jaan).contentType(ContentType.JSON).body(Map.of("iban", " ee38 2200 2210 2014 5685 "))
                .put("/me/payout-account").then().statusCode(200)
                .body("iban", equalTo("EE382200221020145685"))
                .body("source", equalTo("CITIZEN"));
        given().auth().oauth2(jaan).get("/me/payout-account").then().statusCode(200)
                .body("iban", equalTo("EE382200221020145685"));

        PayoutAccountChangedEvent event = new TopicReader(bootstrap).await(Topics.PAYOUT_ACCOUNTS,
                PayoutAccountChangedEvent.class, e -> e.getPersonId().equals(JAAN), 1).get(0);
        assertThat(event.getAccountKnown()).isTrue();
        assertThat(event.getSource()).isEqualTo("CITIZEN");
        assertThat(event.getSchema().getField("iban")).isNull();
    }

    @Test
    void anInvalidIbanIsRefusedNamingTheFieldAndChangesNothing() {
        String jaan = new KeycloakTokens(realmUrl).person("jaan");
        given().auth().oauth2(jaan).contentType(ContentType.JSON).body(Map.of("iban", "EE38 2200 2210 2014 5686"))
                .put("/me/payout-account").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("iban"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "EE38 2200\n2210 2014 5685", "EE38\t2200221020145685", "EE38\u00a02200221020145685",
            "EE38-2200-2210-2014-5685", "EE382200221020145685." })
    void anIbanIsTakenOnlyInItsPrintedOrElectronicForm(String iban) {
        String jaan = new KeycloakTokens(realmUrl).person("jaan");
        given().auth().oauth2(jaan).contentType(ContentType.JSON).body(Map.of("iban", iban))
                .put("/me/payout-account").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("iban"))
                .body("errors.message", hasItem(containsString("only letters and digits")));
    }

    @Test
    void onlyTheCitizenThemselvesSetsAnAccount() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        for (String user : List.of("carl", "aino", "otto")) {
            given().auth().oauth2(tokens.person(user)).contentType(ContentType.JSON)
                    .body(Map.of("iban", "EE382200221020145685")).put("/me/payout-account").then().statusCode(403);
            given().auth().oauth2(tokens.person(user)).get("/me/payments").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("iban", "EE382200221020145685")).put("/me/payout-account")
                .then().statusCode(401);
        given().get("/me/payments").then().statusCode(401);
    }

    @Test
    void theTaxAuthoritysRefundAccountServesUntilTheCitizenGivesOne() {
        TopicReader topics = new TopicReader(bootstrap);
        String liis = new KeycloakTokens(realmUrl).person("liis");
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, LIIS, tax(LIIS, "EE18 1010 2200 3456 7011", LocalDate.of(2025, 3, 1)));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PayoutAccount.<PayoutAccount> findByIdOptional(LIIS).isPresent()));
        given().auth().oauth2(liis).get("/me/payout-account").then().statusCode(200)
                .body("iban", equalTo("EE181010220034567011"))
                .body("source", equalTo("TAX_AUTHORITY"));

        given().auth().oauth2(liis).contentType(ContentType.JSON).body(Map.of("iban", "EE382200221020145685"))
                .put("/me/payout-account").then().statusCode(200).body("source", equalTo("CITIZEN"));
        TaxRefundAccountEvent later = tax(LIIS, "EE632200001122334455", LocalDate.of(2025, 9, 1));
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, LIIS, later);
        await().until(() -> QuarkusTransaction.requiringNew().call(() -> TaxRefundAccount
                .<TaxRefundAccount> findByIdOptional(LIIS).map(t -> "EE632200001122334455".equals(t.iban)).orElse(false)));
        given().auth().oauth2(liis).get("/me/payout-account").then().statusCode(200)
                .body("iban", equalTo("EE382200221020145685"));
    }

    @Test
    void aWithdrawnRefundAccountIsNoLongerUsedAndAnInvalidOneIsDeadLettered() {
        TopicReader topics = new TopicReader(bootstrap);
        String helgi = "46004040086";
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, helgi, tax(helgi, "EE632200001122334455", LocalDate.of(2025, 1, 1)));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PayoutAccount.<PayoutAccount> findByIdOptional(helgi).isPresent()));
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, helgi, tax(helgi, null, LocalDate.of(2025, 6, 1)));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PayoutAccount.<PayoutAccount> findByIdOptional(helgi).isEmpty()));
        assertThat(topics.await(Topics.PAYOUT_ACCOUNTS, PayoutAccountChangedEvent.class,
                e -> e.getPersonId().equals(helgi), 2)).extracting(PayoutAccountChangedEvent::getAccountKnown)
                .containsExactly(true, false);

        String ants = "35809090199";
        topics.publish(Topics.TAX_REFUND_ACCOUNTS, ants, tax(ants, "EE000000000000000000", LocalDate.of(2025, 1, 1)));
        assertThat(topics.await(Topics.deadLetter(Topics.TAX_REFUND_ACCOUNTS, "payment-service"),
                TaxRefundAccountEvent.class, e -> e.getPersonId().equals(ants), 1)).hasSize(1);
        PayoutAccount none = QuarkusTransaction.requiringNew().call(() -> PayoutAccount.<PayoutAccount> findById(ants));
        assertThat(none).isNull();
    }

    static TaxRefundAccountEvent tax(String personId, String iban, LocalDate recordedOn) {
        return TaxRefundAccountEvent.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Fixtures.now())
                .setCorrelationId(Events.newCorrelationId()).setPersonId(personId).setIban(iban).setRecordedOn(recordedOn)
                .build();
    }
}
