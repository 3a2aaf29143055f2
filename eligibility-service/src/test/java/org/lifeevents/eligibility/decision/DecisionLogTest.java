package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.eligibility.Inputs;
import org.lifeevents.eligibility.Stored;
import org.lifeevents.eligibility.rules.EntitlementKeys;
import org.lifeevents.events.Events;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.eligibility.Inputs.child;
import static org.lifeevents.eligibility.Inputs.member;
import static org.lifeevents.eligibility.Inputs.person;

/** The decision log: append-only in the database, hash-chained, readable by auditors and caseworkers only. */
@QuarkusTest
class DecisionLogTest {

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Clock clock;

    @Test
    void decisionsAreAppendOnlyChainedAndReadableByAuditorsAndCaseworkersOnly() {
        Inputs inputs = new Inputs(bootstrap, clock);
        String mother = person("F", LocalDate.of(1990, 6, 6));
        String child = person("M", LocalDate.of(2020, 6, 6));
        String household = "H-DL-" + child;
        inputs.household(household, 1, LocalDate.of(2020, 6, 6), "INITIAL_LOAD", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of()), child(child, "Ott", 1, 1, mother)));
        Entitlement allowance = Stored.awaitEntitlement(EntitlementKeys.childAllowance(child, household));
        // the child leaves: a new decision in the same chain
        inputs.household(household, 2, LocalDate.of(2026, 9, 15), "MOVE_OUT", Events.newCorrelationId(),
                List.of(member(mother, "Anu", null, List.of())));
        Stored.awaitEntitlement(allowance.entitlementKey, e -> e.version == 2);
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);

        for (String reader : List.of("aino", "carl")) {
            given().auth().oauth2(tokens.person(reader)).get("/entitlements/" + allowance.entitlementId + "/decisions")
                    .then().statusCode(200).body("chainIntact", equalTo(true))
                    .body("decisions.size()", equalTo(2))
                    .body("decisions[1].changeReason", equalTo("PERIODS_CHANGED"))
                    .body("decisions[1].periods[0].untilDate", equalTo("2026-09-30"))
                    .body("decisions[1].explanation.inputs[0].source", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(tokens.person("kati")).get("/entitlements/" + allowance.entitlementId + "/decisions")
                .then().statusCode(403);
        given().get("/entitlements/" + allowance.entitlementId + "/decisions").then().statusCode(401);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Entitlement.getEntityManager()
                .createNativeQuery("update decision set outcome = 'GRANTED' where entitlement_id = ?1")
                .setParameter(1, allowance.entitlementId).executeUpdate()))
                .hasStackTraceContaining("decision is append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Entitlement.getEntityManager()
                .createNativeQuery("delete from decision where entitlement_id = ?1")
                .setParameter(1, allowance.entitlementId).executeUpdate()))
                .hasStackTraceContaining("decision is append-only");
    }
}
