package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Families;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.CaseResolvedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/**
 * The caseworker and auditor API with real Keycloak tokens: caseworkers carl and cora act, auditor aino reads only,
 * citizens Kati and Jaan (parents) disagree and Liis (another family) cannot. Each test has its own child.
 */
@QuarkusTest
class CaseApiTest {

    static final String KATI = "49403136515";
    static final String JAAN = "39205202210";

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    KeycloakTokens tokens;
    Inputs inputs;

    @BeforeEach
    void setUp() {
        tokens = new KeycloakTokens(realmUrl);
        inputs = new Inputs(bootstrap, clock);
    }

    /** Kati and Jaan's new child; returns its child allowance (granted) once decided. */
    Entitlement family(String tag, String child, LocalDate born) {
        String household = "H-" + tag + "-" + child;
        Families.couple(inputs, household, KATI, JAAN, child, born);
        Stored.awaitEntitlement(EntitlementKeys.birthGrant(child));
        return Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household), e -> e.status.equals("GRANTED"));
    }

    String disagree(String token, Entitlement e, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("entitlementId", e.entitlementId.toString(), "reason", reason))
                .post("/me/disagreements").then().statusCode(201).body("caseId", notNullValue())
                .extract().path("caseId");
    }

    ValidatableResponse act(String token, String caseId, String action, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/cases/" + caseId + "/" + action).then();
    }

    @Test
    void caseworkersActAuditorsOnlyReadCitizensOnlyDisagreeAndNobodyWithoutAToken() {
        LocalDate born = LocalDate.of(2026, 5, 11);
        Entitlement allowance = family("CA1", person("F", born), born);
        String carl = tokens.person("carl");
        String aino = tokens.person("aino");
        String kati = tokens.person("kati");
        String caseId = disagree(kati, allowance, "Mari lives with me; the amount looks too low.");
        Map<String, Object> reason = Map.of("reason", "checked");

        for (String path : new String[] { "/cases", "/cases/" + caseId, "/audit/decisions?personId=" + KATI }) {
            given().auth().oauth2(carl).get(path).then().statusCode(200);
            given().auth().oauth2(aino).get(path).then().statusCode(200);
            given().auth().oauth2(kati).get(path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401);
        }
        for (String action : new String[] { "assign", "approve", "reject", "override", "second-approval" }) {
            Map<String, Object> body = action.equals("override") ? Map.of("reason", "x", "amountCents", 9000) : reason;
            act(aino, caseId, action, body).statusCode(403);
            act(kati, caseId, action, body).statusCode(403);
            given().contentType(ContentType.JSON).body(body).post("/cases/" + caseId + "/" + action).then()
                    .statusCode(401);
        }
        for (String token : new String[] { carl, aino }) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("entitlementId", allowance.entitlementId.toString(), "reason", "no"))
                    .post("/me/disagreements").then().statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("entitlementId", allowance.entitlementId.toString(), "reason", "no"))
                .post("/me/disagreements").then().statusCode(401);

        act(carl, caseId, "assign", Map.of()).statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("assignee", equalTo("carl"));
        act(carl, caseId, "assign", Map.of("assignee", "cora")).statusCode(200).body("assignee", equalTo("cora"));
        given().auth().oauth2(aino).get("/cases/" + caseId).then().statusCode(200)
                .body("caseType", equalTo("CITIZEN_DISAGREES")).body("subjectPersonId", equalTo(KATI))
                .body("entitlementId", equalTo(allowance.entitlementId.toString()))
                .body("explanation.benefit", equalTo("CHILD_ALLOWANCE"))
                // the inputs of the allowance's decision: the household, and the birth record's when it came first
                .body("inputs.name", hasItems("child", "household"))
                .body("actions.action", org.hamcrest.Matchers.contains("OPENED", "CITIZEN_DISAGREES", "ASSIGNED",
                        "ASSIGNED"))
                .body("actions[1].actor", equalTo("kati"))
                .body("actions[1].reason", equalTo("Mari lives with me; the amount looks too low."))
                .body("actions[3].actor", equalTo("carl"));
        given().auth().oauth2(carl).get("/cases?assignee=cora&type=CITIZEN_DISAGREES&size=200").then()
                .statusCode(200).body("items.caseId", hasItem(caseId))
                .body("items.find { it.caseId == '" + caseId + "' }.ageDays", equalTo(0));
        given().auth().oauth2(carl).get("/cases?minAgeDays=1&assignee=cora").then().statusCode(200)
                .body("items.caseId", org.hamcrest.Matchers.not(hasItem(caseId)));
        given().auth().oauth2(carl).get("/cases?type=CITIZEN_DISAGREES&size=1&page=0").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1)).body("page", equalTo(0));
        given().auth().oauth2(aino).get("/audit/decisions?personId=" + KATI + "&benefit=CHILD_ALLOWANCE&size=200")
                .then().statusCode(200).body("items.entitlementId", hasItem(allowance.entitlementId.toString()))
                .body("items[0].explanation", notNullValue());
        given().auth().oauth2(aino).get("/audit/decisions?personId=123").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void anOverrideAboveTheLimitNeedsASecondCaseworkerAndChangesTheEntitlementWithTheReason() {
        LocalDate born = LocalDate.of(2026, 4, 14);
        Entitlement allowance = family("CA2", person("M", born), born);
        String carl = tokens.person("carl");
        String cora = tokens.person("cora");
        String caseId = disagree(tokens.person("kati"), allowance, "We were promised more.");

        act(carl, caseId, "override", Map.of("reason", "Court order 17/2026", "amountCents", 150000)).statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL")).body("proposedAmountCents", equalTo(150000))
                .body("proposedBy", equalTo("carl"));
        assertThat(Stored.entitlement(allowance.entitlementKey).periods.get(0).amountCents()).isEqualTo(8000);
        act(carl, caseId, "approve", Map.of("reason", "fine")).statusCode(409)
                .body("code", equalTo("awaiting_second_approval"));
        act(carl, caseId, "second-approval", Map.of("reason", "me again")).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("second_approver_must_differ"));
        act(cora, caseId, "second-approval", Map.of("reason", "Order seen")).statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("OVERRIDDEN"))
                .body("resolvedBy", equalTo("carl")).body("secondApprover", equalTo("cora"))
                .body("actions.action", org.hamcrest.Matchers.contains("OPENED", "CITIZEN_DISAGREES",
                        "OVERRIDE_PROPOSED", "SECOND_APPROVAL"));
        act(cora, caseId, "approve", Map.of("reason", "again")).statusCode(409).body("code", equalTo("case_resolved"));

        Entitlement changed = Stored.entitlement(allowance.entitlementKey);
        assertThat(changed.periods).allSatisfy(p -> assertThat(p.amountCents()).isEqualTo(150000));
        Decision decision = Stored.decision(changed.decisionId);
        assertThat(decision.changeReason).isEqualTo("AMOUNT_CHANGED");
        assertThat(decision.trigger).contains("case " + caseId);
        assertThat(decision.explanation.arithmetic()).anySatisfy(line -> assertThat(line).contains("carl")
                .contains("cora").contains("Court order 17/2026").contains("1500.00 EUR"));
        assertThat(inputs.topics().await(Topics.ENTITLEMENTS, EntitlementChangedEvent.class,
                e -> e.getEntitlementId().equals(allowance.entitlementId.toString()), 1)).singleElement()
                .satisfies(e -> assertThat(e.getPeriods().get(0).getAmountCents()).isEqualTo(150000));
        assertThat(inputs.topics().await(Topics.CASES, CaseResolvedEvent.class,
                e -> e.getCaseId().equals(caseId), 1)).singleElement().satisfies(e -> {
                    assertThat(e.getResolution()).isEqualTo("OVERRIDDEN");
                    assertThat(e.getSecondApprover()).isEqualTo("cora");
                    assertThat(e.getOverrideAmountCents()).isEqualTo(150000L);
                });

        // a later input decides the household again: the caseworker's amount stays
        String child = allowance.beneficiaryId.trim();
        inputs.household(allowance.householdId, 3, born.plusDays(1), "CUSTODY", Events.newCorrelationId(),
                List.of(member(KATI, "Kati", JAAN, List.of()), member(JAAN, "Jaan", KATI, List.of()),
                        child(child, "Mari", 1, 1, KATI, JAAN)));
        Stored.awaitConsumed(bootstrap, Topics.HOUSEHOLDS);
        assertThat(Stored.entitlement(allowance.entitlementKey).periods.get(0).amountCents()).isEqualTo(150000);
    }

    @Test
    void approveAndRejectNeedAReasonRejectRefusesASmallOverrideAppliesAtOnceAndOthersCannotDisagree() {
        LocalDate born = LocalDate.of(2026, 2, 20);
        String child = person("F", born);
        Entitlement allowance = family("CA3", child, born);
        Entitlement grant = Stored.entitlement(EntitlementKeys.birthGrant(child));
        String carl = tokens.person("carl");
        String kati = tokens.person("kati");

        given().auth().oauth2(tokens.person("liis")).contentType(ContentType.JSON)
                .body(Map.of("entitlementId", grant.entitlementId.toString(), "reason", "not mine"))
                .post("/me/disagreements").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("entitlement_not_found"));
        given().auth().oauth2(kati).contentType(ContentType.JSON).body(Map.of("reason", "no id"))
                .post("/me/disagreements").then().statusCode(400).body("code", equalTo("validation_failed"));

        String grantCase = disagree(kati, grant, "The birth grant should go to Jaan.");
        assertThat(disagree(kati, grant, "Still.")).as("one open case per entitlement and citizen")
                .isEqualTo(grantCase);
        act(carl, grantCase, "approve", Map.of("reason", " ")).statusCode(400).body("code",
                equalTo("validation_failed"));
        act(carl, grantCase, "reject", Map.of()).statusCode(400);
        act(carl, grantCase, "reject", Map.of("reason", "Registered in error; see ticket 9")).statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("REJECTED"));
        Entitlement refused = Stored.entitlement(grant.entitlementKey);
        assertThat(refused.status).isEqualTo("REFUSED");
        assertThat(refused.citizenText).contains("Registered in error; see ticket 9").contains("carl");

        String allowanceCase = disagree(tokens.person("jaan"), allowance, "Amount wrong.");
        act(carl, allowanceCase, "override", Map.of("reason", "Agreed with the family", "amountCents", 9000))
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolution", equalTo("OVERRIDDEN"))
                .body("secondApprover", equalTo(null));
        assertThat(Stored.entitlement(allowance.entitlementKey).periods)
                .allSatisfy(p -> assertThat(p.amountCents()).isEqualTo(9000));
        given().auth().oauth2(carl).get("/cases/" + allowanceCase).then().statusCode(200)
                .body("subjectPersonId", equalTo(JAAN)).body("actions[2].amountCents", equalTo(9000));
        given().auth().oauth2(carl).get("/cases/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("code", equalTo("case_not_found"));
    }
}
