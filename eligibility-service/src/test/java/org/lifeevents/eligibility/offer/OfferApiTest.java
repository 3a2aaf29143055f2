package org.lifeevents.eligibility.offer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.ConsentCheckEndpoint;
import org.lifeevents.eligibility.Families;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * The citizen API with real Keycloak tokens of the demo people: Kati and Jaan Tamm are the parents, Liis Kask is
 * another family. Each test has its own child (and birth date), so tests meet no one else's entitlements.
 */
@QuarkusTest
class OfferApiTest {

    static final String KATI = "49403136515";
    static final String JAAN = "39205202210";

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @ConfigProperty(name = ConsentCheckEndpoint.URL_KEY)
    String consentService;

    KeycloakTokens tokens;
    Inputs inputs;

    @BeforeEach
    void setUp() {
        tokens = new KeycloakTokens(realmUrl);
        inputs = new Inputs(bootstrap, clock);
    }

    @Test
    void theParentsSeeTheirChildsOffersTheMotherConfirmsOnceAndAnotherFamilySeesNothing() {
        LocalDate born = LocalDate.of(2026, 8, 3);
        String child = person("F", born);
        inputs.payoutAccount(KATI, true);
        Stored.awaitConsumed(bootstrap, Topics.PAYOUT_ACCOUNTS);
        Families.couple(inputs, "H-OA1-" + child, KATI, JAAN, child, born);
        Entitlement grant = Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));
        Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, "H-OA1-" + child));
        String kati = tokens.person("kati");
        String jaan = tokens.person("jaan");
        String liis = tokens.person("liis");

        JsonPath katis = offers(kati);
        Map<String, Object> offer = find(katis, grant.entitlementId.toString());
        assertThat(offer).containsEntry("benefit", "BIRTH_GRANT").containsEntry("status", "OFFERED")
                .containsEntry("amountCents", 32000).containsEntry("amount", "320.00 EUR")
                .containsEntry("canConfirm", true).containsEntry("beneficiaryName", "Mari")
                .containsEntry("periodFrom", "2026-08-03").containsEntry("firstPaymentDate", null);
        assertThat(katis.getString("find { it.entitlementId == '" + grant.entitlementId
                + "' }.explanation.inputs.find { it.name == 'mother' }.source")).startsWith("civil registry");
        Map<String, Object> allowance = katis.getMap("find { it.benefit == 'CHILD_ALLOWANCE' && it.beneficiaryId == '"
                + child + "' }");
        assertThat(allowance).containsEntry("status", "GRANTED").containsEntry("amountCents", 8000)
                .containsEntry("monthly", true).containsEntry("periodFrom", "2026-08-01")
                .containsEntry("periodUntil", "2042-08-31");
        assertThat(allowance.get("firstPaymentDate")).isNotNull();

        assertThat(find(offers(jaan), grant.entitlementId.toString())).containsEntry("canConfirm", false);
        given().auth().oauth2(jaan).post("/me/offers/" + grant.entitlementId + "/confirm")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("not_your_offer"));
        assertThat(offers(liis).getList("beneficiaryId")).doesNotContain(child);
        given().auth().oauth2(liis).post("/me/offers/" + grant.entitlementId + "/confirm")
                .then().statusCode(404).body("code", equalTo("offer_not_found"));

        for (int click = 0; click < 2; click++) {
            given().auth().oauth2(kati).post("/me/offers/" + grant.entitlementId + "/confirm")
                    .then().statusCode(200).body("status", equalTo("GRANTED")).body("confirmedBy", equalTo(KATI))
                    .body("firstPaymentDate", equalTo(LocalDate.now(clock).plusDays(1).toString()));
        }

        assertThat(Stored.decisions(grant.entitlementId)).extracting(d -> d.outcome + "/" + d.changeReason)
                .containsExactly("OFFERED/DECIDED", "GRANTED/CONFIRMED");
        assertThat(Stored.outboxRows(Topics.ENTITLEMENTS, grant.entitlementId.toString())).isEqualTo(2);
        assertThat(inputs.topics().await(Topics.ENTITLEMENTS, EntitlementChangedEvent.class,
                e -> e.getEntitlementId().equals(grant.entitlementId.toString()), 1))
                .singleElement().satisfies(e -> {
                    assertThat(e.getChangeReason()).isEqualTo("CONFIRMED");
                    assertThat(e.getStatus()).isEqualTo("GRANTED");
                    assertThat(e.getCorrelationId()).isEqualTo(grant.correlationId);
                });
        assertThat(actions(kati).getList("findAll { it.entitlementId == '" + grant.entitlementId + "' }.outcome"))
                .containsExactly("GRANTED", "ALREADY_CONFIRMED");
        assertThat(actions(jaan).getList("findAll { it.entitlementId == '" + grant.entitlementId + "' }.outcome"))
                .containsExactly("REFUSED: not_your_offer");
        assertThat(actions(liis).getList("findAll { it.entitlementId == '" + grant.entitlementId + "' }.outcome"))
                .containsExactly("REFUSED: offer_not_found");
    }

    @Test
    void theParentalBenefitGoesToTheParentWhoTakesItAndIsNoLongerOfferedToTheOther() {
        LocalDate born = LocalDate.of(2026, 8, 4);
        String child = person("M", born);
        ConsentCheckEndpoint.Control consents = new ConsentCheckEndpoint.Control(consentService);
        for (String parent : List.of(KATI, JAAN)) {
            consents.allow(parent, "consent-" + parent);
            inputs.consent(parent, "consent-" + parent, "TAX_INCOME");
        }
        inputs.income(KATI, 2025, 4_200_000);
        inputs.income(JAAN, 2025, 6_500_000);
        // the consents and incomes are held before the family arrives on its own topics
        Stored.awaitConsumed(bootstrap, Topics.CONSENTS);
        Stored.awaitConsumed(bootstrap, Topics.INCOMES);
        Families.couple(inputs, "H-OA2-" + child, KATI, JAAN, child, born);
        Entitlement hers = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(KATI, born),
                e -> e.status.equals("OFFERED"));
        Entitlement his = Stored.awaitEntitlement(EntitlementKeys.parentalBenefit(JAAN, born),
                e -> e.status.equals("OFFERED"));
        String kati = tokens.person("kati");
        String jaan = tokens.person("jaan");

        assertThat(find(offers(kati), hers.entitlementId.toString())).containsEntry("amountCents", 350000);
        assertThat(find(offers(jaan), his.entitlementId.toString())).containsEntry("amountCents", 520000);
        assertThat(offers(jaan).getList("entitlementId")).as("her income stays hers")
                .doesNotContain(hers.entitlementId.toString());

        given().auth().oauth2(jaan).post("/me/offers/" + his.entitlementId + "/confirm")
                .then().statusCode(200).body("status", equalTo("GRANTED")).body("amountCents", equalTo(520000));

        given().auth().oauth2(kati).post("/me/offers/" + hers.entitlementId + "/confirm")
                .then().statusCode(409).body("code", equalTo("taken_by_other_parent"));
        assertThat(find(offers(kati), hers.entitlementId.toString())).containsEntry("status", "REFUSED")
                .containsEntry("canConfirm", false);
        assertThat(inputs.topics().await(Topics.ENTITLEMENTS, EntitlementChangedEvent.class,
                e -> e.getEntitlementId().equals(hers.entitlementId.toString())
                        && e.getChangeReason().equals("TAKEN_BY_OTHER_PARENT"),
                1)).hasSize(1);
    }

    @Test
    void theMotherHandsTheMonthlyBenefitsToTheFatherFromNextMonth() {
        LocalDate born = LocalDate.of(2026, 8, 5);
        String child = person("F", born);
        String household = "H-OA3-" + child;
        Families.couple(inputs, household, KATI, JAAN, child, born);
        Entitlement before = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household));
        String kati = tokens.person("kati");
        LocalDate nextMonth = YearMonth.now(clock).plusMonths(1).atDay(1);

        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("recipientId", JAAN))
                .put("/me/children/" + child + "/monthly-recipient")
                .then().statusCode(200)
                .body("fromPersonId", equalTo(KATI)).body("toPersonId", equalTo(JAAN))
                .body("effectiveFrom", equalTo(nextMonth.toString()))
                .body("entitlements[0].periods[-1].recipientId", equalTo(JAAN));

        Entitlement after = Stored.entitlement(before.entitlementKey);
        assertThat(after.periods).containsExactly(
                new Period(LocalDate.of(2026, 8, 1), nextMonth.minusDays(1), 8000, KATI,
                        "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01"),
                new Period(nextMonth, LocalDate.of(2042, 8, 31), 8000, JAAN, "CHILD_ALLOWANCE_FIRST_AND_SECOND@2025-01-01"));
        assertThat(Stored.decision(after.decisionId).changeReason).isEqualTo("RECIPIENT_CHANGED");
        assertThat(after.citizenText).contains("paid to Jaan, because Kati handed them over");

        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("recipientId", JAAN))
                .put("/me/children/" + child + "/monthly-recipient").then().statusCode(200);
        assertThat(Stored.entitlement(before.entitlementKey).version).isEqualTo(after.version);

        String jaan = tokens.person("jaan");
        given().auth().oauth2(jaan).contentType(ContentType.JSON).body(Map.of("recipientId", "49008010156"))
                .put("/me/children/" + child + "/monthly-recipient")
                .then().statusCode(422).body("code", equalTo("not_other_legal_parent"));
        given().auth().oauth2(tokens.person("liis")).contentType(ContentType.JSON).body(Map.of("recipientId", KATI))
                .put("/me/children/" + child + "/monthly-recipient")
                .then().statusCode(404).body("code", equalTo("child_not_found"));
        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("recipientId", JAAN))
                .put("/me/children/{childId}/monthly-recipient", child + " ")
                .then().statusCode(400).body("errors[0].field", equalTo("childId"))
                .body("errors[0].code", equalTo("invalid_person_id"));
        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("recipientId", "123"))
                .put("/me/children/" + child + "/monthly-recipient")
                .then().statusCode(400).body("errors[0].field", equalTo("recipientId"))
                .body("errors[0].code", equalTo("invalid_person_id"));
    }

    @Test
    void aMissingPayoutAccountIsShownAndTheMoneyAccruesUntilOneIsKnown() {
        LocalDate born = LocalDate.of(2026, 8, 6);
        String child = person("M", born);
        inputs.payoutAccount(KATI, false);
        Stored.awaitConsumed(bootstrap, Topics.PAYOUT_ACCOUNTS);
        Families.couple(inputs, "H-OA4-" + child, KATI, JAAN, child, born);
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, "H-OA4-" + child));
        String kati = tokens.person("kati");

        Map<String, Object> waiting = find(offers(kati), allowance.entitlementId.toString());
        assertThat(waiting).containsEntry("status", "GRANTED").containsEntry("firstPaymentDate", null);
        assertThat(offers(kati).getList("find { it.entitlementId == '" + allowance.entitlementId + "' }.missing.code"))
                .containsExactly("PAYOUT_ACCOUNT");

        inputs.payoutAccount(KATI, true);
        Map<String, Object> paid = await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> find(offers(kati), allowance.entitlementId.toString()), o -> o.get("firstPaymentDate") != null);
        assertThat((List<?>) paid.get("missing")).isEmpty();
    }

    @Test
    void onlyCitizensUseTheCitizenApi() {
        String entitlement = "00000000-0000-0000-0000-000000000000";
        given().get("/me/offers").then().statusCode(401).contentType("application/problem+json");
        given().post("/me/offers/" + entitlement + "/confirm").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("recipientId", JAAN))
                .put("/me/children/" + person("F", LocalDate.of(2026, 1, 1)) + "/monthly-recipient")
                .then().statusCode(401);
        for (String token : List.of(tokens.person("carl"), tokens.person("aino"), tokens.taxFeed(), tokens.registry())) {
            given().auth().oauth2(token).get("/me/offers").then().statusCode(403).body("code", equalTo("forbidden"));
            given().auth().oauth2(token).post("/me/offers/" + entitlement + "/confirm").then().statusCode(403);
            given().auth().oauth2(token).get("/me/actions").then().statusCode(403);
        }
        given().auth().oauth2(tokens.person("kati")).get("/me/offers").then().statusCode(200);
    }

    private static JsonPath offers(String token) {
        return given().auth().oauth2(token).get("/me/offers").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath actions(String token) {
        return given().auth().oauth2(token).get("/me/actions").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> find(JsonPath offers, String entitlementId) {
        Map<String, Object> found = offers.getMap("find { it.entitlementId == '" + entitlementId + "' }");
        assertThat(found).as("offer " + entitlementId).isNotNull();
        return found;
    }
}
