package org.lifeevents.payment.schedule;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;
import org.lifeevents.payment.recovery.RecoveryClaim;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.claim;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.due;
import static org.lifeevents.payment.Fixtures.dueDate;
import static org.lifeevents.payment.Fixtures.monthEnd;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.period;

@QuarkusTest
class MyPaymentsTest {

    /** Demo citizen kati. */
    private static final String KATI = "49403136515";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    PayoutAccountService accounts;

    @Test
    void aCitizenSeesHerPaymentsWithPeriodStatusReferenceAndOffsets() {
        TopicReader topics = new TopicReader(bootstrap);
        String kati = new KeycloakTokens(realmUrl).person("kati");
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        // From the month before last: that month's payment day has passed whatever the business date.
        topics.publish(Topics.ENTITLEMENTS, id, decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(2), null, 8000, KATI))));
        RecoveryClaimEvent claim = claim(UUID.randomUUID().toString(), KATI, 3000, monthStart(6), monthEnd(6));
        topics.publish(Topics.ENTITLEMENTS, claim.getEntitlementId(), claim);
        awaitVersion(id, 1);
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RecoveryClaim.findById(UUID.fromString(claim.getClaimId())) != null));

        JsonPath waiting = given().auth().oauth2(kati).get("/me/payments").then().statusCode(200).extract().jsonPath();
        assertThat(waiting.getString("find { it.entitlementId == '" + id + "' && it.periodStart == '" + monthStart(2)
                + "' }.waitingFor")).isIn("PAYOUT_ACCOUNT", "DUE_DATE");

        QuarkusTransaction.requiringNew().run(() -> account(accounts, KATI, "EE382200221020145685"));
        Fixtures.run(runs, executor);

        JsonPath mine = given().auth().oauth2(kati).get("/me/payments").then().statusCode(200).extract().jsonPath();
        String paid = "find { it.entitlementId == '" + id + "' && it.periodStart == '" + monthStart(2) + "' }";
        assertThat(mine.getString(paid + ".benefit")).isEqualTo("CHILD_ALLOWANCE");
        assertThat(mine.getString(paid + ".status")).isEqualTo("SETTLED");
        assertThat(mine.getString(paid + ".endToEndId")).isEqualTo(correlation);
        assertThat(mine.getString(paid + ".periodEnd")).isEqualTo(monthEnd(2).toString());
        assertThat(mine.getString(paid + ".dueDate")).isEqualTo(monthStart(1).withDayOfMonth(10).toString());
        assertThat(mine.getLong(paid + ".grossCents") - mine.getLong(paid + ".amountCents"))
                .isEqualTo(mine.getLong(paid + ".offsetCents"));
        // Last month is paid from the 10th of this one on, the day itself included; before it, it waits for that day.
        String last = "find { it.entitlementId == '" + id + "' && it.periodStart == '" + monthStart(1) + "' }";
        assertThat(mine.getString(last + ".dueDate")).isEqualTo(dueDate(monthStart(1)).toString());
        if (due(monthStart(1))) {
            assertThat(mine.getString(last + ".status")).isEqualTo("SETTLED");
        } else {
            assertThat(mine.getString(last + ".status")).isEqualTo("SCHEDULED");
            assertThat(mine.getString(last + ".waitingFor")).isEqualTo("DUE_DATE");
        }
        String current = "find { it.entitlementId == '" + id + "' && it.periodStart == '" + monthStart(0) + "' }";
        assertThat(mine.getString(current + ".status")).isEqualTo("SCHEDULED");
        assertThat(mine.getString(current + ".waitingFor")).isEqualTo("DUE_DATE");
        // The claim was offset against one of her payments, and that payment says so.
        List<Object> offsets = mine.getList("findAll { it.offsets.size() > 0 }.offsets.flatten().claimId");
        assertThat(offsets).contains(claim.getClaimId());
    }
}
