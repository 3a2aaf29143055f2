package org.lifeevents.payment.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.payrun.PaymentRun;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;
import org.lifeevents.payment.person.Person;
import org.lifeevents.payment.recovery.RecoveryClaim;
import org.lifeevents.payment.schedule.Payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.changed;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

/**
 * The family ledger against the real servers: a mother is paid the child allowance, her earlier death is registered
 * late, eligibility moves the months to the father and claims hers back; the ledger shows each of those months as paid
 * to her and claimed, and owed to him until the next run pays him, to the cent, by household, by person and on the
 * citizen's own page. Also: who may read which ledger, a refused person id, and the field names the portal reads.
 */
@QuarkusTest
class LedgerTest {

    /** Demo citizen mart: the father here; no other test of this module pays him. */
    private static final String MART = "38701301147";
    /** The months the allowance runs from; all of them before the business date's month. */
    private static final int FIRST_MONTH_AGO = 5;

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
    void aMonthPaidToTheMotherWhoseDeathWasRegisteredLateIsHersPaidAndClaimedAndTheFathersOwedThenPaid()
            throws IOException {
        TopicReader topics = new TopicReader(bootstrap);
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String mother = person();
        String father = MART;
        String child = Fixtures.child();
        String household = "H-LEDGER-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            account(accounts, mother, "EE382200221020145685");
            account(accounts, father, "EE181010220034567011");
        });
        String id = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        // set on the record: a builder copying it would copy the periods across the test's two class loaders
        EntitlementDecidedEvent granted = decided(id, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(FIRST_MONTH_AGO), null, 8000, mother)));
        granted.setBeneficiaryId(child);
        granted.setHouseholdId(household);
        topics.publish(Topics.ENTITLEMENTS, id, granted);
        awaitVersion(id, 1);
        PaymentRun first = Fixtures.run(runs, executor);
        List<LocalDate> paidToHer = payments(id).stream().filter(p -> p.status.equals(Payment.SETTLED))
                .map(p -> p.periodStart).toList();
        assertThat(paidToHer).isNotEmpty();

        // Her death, a month before the allowance began, is registered after the run; eligibility moves every month to
        // the father and claims back from her estate each month she was paid.
        LocalDate died = monthStart(FIRST_MONTH_AGO + 1).plusDays(14);
        topics.publish(Topics.REGISTRATIONS, mother, death(mother, died));
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person> findByIdOptional(mother).map(p -> died.equals(p.dateOfDeath)).orElse(false)));
        EntitlementChangedEvent moved = changed(id, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                List.of(period(monthStart(FIRST_MONTH_AGO), null, 8000, father)), "RECIPIENT_DIED");
        moved.setBeneficiaryId(child);
        moved.setHouseholdId(household);
        topics.publish(Topics.ENTITLEMENTS, id, moved);
        String decision = moved.getDecisionId();
        List<String> claims = new ArrayList<>();
        for (LocalDate month : paidToHer) {
            RecoveryClaimEvent claim = claim(id, mother, month, decision);
            claims.add(claim.getClaimId());
            topics.publish(Topics.ENTITLEMENTS, id, claim);
        }
        awaitVersion(id, 2);
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RecoveryClaim.count("entitlementId", UUID.fromString(id)) == claims.size()));

        // Before the next run: each of her months is hers paid and claimed (0 left), and his owed and unpaid.
        String carl = tokens.person("carl");
        JsonPath before = given().auth().oauth2(carl).get("/ledger/households/" + household).then().statusCode(200)
                .extract().jsonPath();
        assertThat(before.getString("scope")).isEqualTo("HOUSEHOLD");
        assertThat(before.getList("entitlements.entitlementId")).containsExactly(id);
        String entitlement = "entitlements[0]";
        assertThat(before.getString(entitlement + ".benefit")).isEqualTo("CHILD_ALLOWANCE");
        assertThat(before.getString(entitlement + ".beneficiaryId")).isEqualTo(child);
        assertThat(before.getString(entitlement + ".householdId")).isEqualTo(household);
        assertThat(before.getString(entitlement + ".decisionId")).isEqualTo(decision);
        assertThat(before.getString(entitlement + ".recipientId")).isEqualTo(father);
        for (LocalDate month : paidToHer) {
            String period = entitlement + ".periods.find { it.periodStart == '" + month + "' }";
            assertThat(before.getString(period + ".owedTo")).isEqualTo(father);
            assertThat(before.getLong(period + ".owedCents")).isEqualTo(8000);
            assertThat(figures(before, period, mother)).isEqualTo(List.of(0L, 8000L, 0L, 8000L, 0L));
            assertThat(figures(before, period, father)).isEqualTo(List.of(8000L, 0L, 8000L, 0L, 8000L));
            String hers = period + ".payments.find { it.recipientId == '" + mother + "' }";
            assertThat(before.getString(hers + ".status")).isEqualTo("SETTLED");
            assertThat(before.getString(hers + ".endToEndId")).isEqualTo(correlation);
            assertThat(before.getString(hers + ".fileMessageId")).isNotBlank();
            assertThat(before.getString(hers + ".runId")).isEqualTo(first.runId.toString());
            assertThat(before.getLong(hers + ".netCents")).isEqualTo(8000);
            String claim = period + ".claims[0]";
            assertThat(before.getList(period + ".claims")).hasSize(1);
            assertThat(before.getString(claim + ".debtorId")).isEqualTo(mother);
            assertThat(before.getLong(claim + ".amountCents")).isEqualTo(8000);
            assertThat(before.getLong(claim + ".remainingCents")).isEqualTo(8000);
            assertThat(before.getString(claim + ".reason")).isEqualTo("RECIPIENT_DIED");
            assertThat(before.getString(claim + ".decisionId")).isEqualTo(decision);
        }

        // The reconciliation compares owed and paid per recipient: her months paid to someone no longer owed them do
        // not cancel out against his months owed and unpaid. The run kept its own comparison as of its completion,
        // before the death was known.
        given().auth().oauth2(carl).get("/reconciliation").then().statusCode(200)
                .body("benefits.find { it.benefit == 'CHILD_ALLOWANCE' }.paidNotOwedCents",
                        org.hamcrest.Matchers.greaterThanOrEqualTo((int) (8000 * paidToHer.size())));
        given().auth().oauth2(carl).get("/runs/" + first.runId).then().statusCode(200)
                .body("owedByRecipient.benefit", org.hamcrest.Matchers.hasItem("CHILD_ALLOWANCE"));

        Fixtures.run(runs, executor);

        JsonPath after = given().auth().oauth2(carl).get("/ledger/households/" + household).then().statusCode(200)
                .extract().jsonPath();
        for (LocalDate month : paidToHer) {
            String period = entitlement + ".periods.find { it.periodStart == '" + month + "' }";
            assertThat(figures(after, period, mother)).isEqualTo(List.of(0L, 8000L, 0L, 8000L, 0L));
            assertThat(figures(after, period, father)).isEqualTo(List.of(8000L, 8000L, 0L, 0L, 0L));
            String his = period + ".payments.find { it.recipientId == '" + father + "' }";
            assertThat(after.getString(his + ".status")).isEqualTo("SETTLED");
            assertThat(after.getBoolean(his + ".topUp")).isTrue();
            assertThat(after.getString(his + ".endToEndId")).isEqualTo(correlation);
        }
        // Totals per person, to the cent: every month from the first through this one is owed to him; he is paid
        // those whose payment day has come; she owes back all she was paid.
        int monthsOwed = FIRST_MONTH_AGO + 1;
        long monthsDue = java.util.stream.IntStream.rangeClosed(0, FIRST_MONTH_AGO).filter(m -> Fixtures.due(monthStart(m)))
                .count();
        long hersPaid = 8000L * paidToHer.size();
        assertThat(after.getList("people.personId")).containsExactlyInAnyOrder(mother, father);
        assertThat(totals(after, "people.find { it.personId == '" + mother + "' }"))
                .isEqualTo(List.of(0L, hersPaid, 0L, hersPaid, 0L));
        long hisOwed = 8000L * monthsOwed;
        long hisPaid = 8000L * monthsDue;
        assertThat(totals(after, "people.find { it.personId == '" + father + "' }"))
                .isEqualTo(List.of(hisOwed, hisPaid, hisOwed - hisPaid, 0L, hisOwed - hisPaid));
        assertThat(totals(after, entitlement + ".totals"))
                .isEqualTo(List.of(hisOwed, hersPaid + hisPaid, hisOwed - hisPaid, hersPaid, hisOwed - hisPaid));
        assertThat(totals(after, "totals")).isEqualTo(totals(after, entitlement + ".totals"));

        // The same entitlement, with the same figures, on the father's ledger (auditor) and on his own page.
        JsonPath his = given().auth().oauth2(tokens.person("aino")).get("/ledger/persons/" + father).then()
                .statusCode(200).extract().jsonPath();
        String same = "entitlements.find { it.entitlementId == '" + id + "' }";
        assertThat(totals(his, same + ".totals")).isEqualTo(totals(after, entitlement + ".totals"));
        JsonPath mine = given().auth().oauth2(tokens.person("mart")).get("/me/ledger").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getString("key")).isEqualTo(MART);
        assertThat(totals(mine, same + ".totals")).isEqualTo(totals(after, entitlement + ".totals"));
        // Hers, as the debtor, holds it too.
        JsonPath debtor = given().auth().oauth2(carl).get("/ledger/persons/" + mother).then().statusCode(200).extract()
                .jsonPath();
        assertThat(debtor.getList("entitlements.entitlementId")).contains(id);

        // The portal reads these field names (its contract, kept with its stub's answer): each is in the real answer.
        String body = given().auth().oauth2(carl).get("/ledger/households/" + household).then().statusCode(200)
                .extract().asString();
        JsonNode contract = new ObjectMapper().readTree(Files.readString(PORTAL_CONTRACT));
        List<String> missing = new ArrayList<>();
        Set<String> answered = new TreeSet<>();
        missingFields(contract, new ObjectMapper().readTree(body), "", missing, answered);
        assertThat(missing).as("fields the portal reads that the ledger does not answer").isEmpty();
        Set<String> read = new TreeSet<>();
        paths(contract, "", read);
        assertThat(answered).as("every field the portal reads was answered at least once").containsAll(read);
    }

    @Test
    void caseworkersAndAuditorsReadAnyLedgerACitizenOnlyTheirOwn() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String nobody = person();
        for (String user : List.of("carl", "aino")) {
            given().auth().oauth2(tokens.person(user)).get("/ledger/households/H-NOBODY-1").then().statusCode(200)
                    .body("scope", equalTo("HOUSEHOLD")).body("entitlements.size()", equalTo(0))
                    .body("totals.differenceCents", equalTo(0));
            given().auth().oauth2(tokens.person(user)).get("/ledger/persons/" + nobody).then().statusCode(200)
                    .body("key", equalTo(nobody)).body("entitlements.size()", equalTo(0));
            given().auth().oauth2(tokens.person(user)).get("/me/ledger").then().statusCode(403);
        }
        // A citizen reads their own ledger and nobody else's, not even by asking for their own id.
        String kati = tokens.person("kati");
        given().auth().oauth2(kati).get("/me/ledger").then().statusCode(200).body("key", equalTo("49403136515"));
        given().auth().oauth2(kati).get("/ledger/persons/" + MART).then().statusCode(403);
        given().auth().oauth2(kati).get("/ledger/persons/49403136515").then().statusCode(403);
        given().auth().oauth2(kati).get("/ledger/households/H-1001").then().statusCode(403);
        given().auth().oauth2(tokens.person("otto")).get("/ledger/households/H-1001").then().statusCode(403);
        given().get("/ledger/households/H-1001").then().statusCode(401);
        given().get("/me/ledger").then().statusCode(401);
    }

    @Test
    void aPersonIdThatIsNotOneIsRefusedWithAProblemNamingTheParameter() {
        String carl = new KeycloakTokens(realmUrl).person("carl");
        for (String bad : List.of("49403136514", "4940313651", "abcdefghijk")) {
            given().auth().oauth2(carl).get("/ledger/persons/" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("personId")).body("errors[0].code", equalTo("invalid_person_id"));
        }
        // A near miss a char(11) column would compare equal finds nobody: it is refused.
        given().urlEncodingEnabled(false).auth().oauth2(carl).get("/ledger/persons/49403136515%20").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(carl).get("/ledger/households/H_1!").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The portal's own copy of the ledger it reads (its tests answer with it): the consumer's side of the contract. */
    private static final Path PORTAL_CONTRACT = Path.of("../portal/src/test/resources/contracts/payment-ledger.json");

    /**
     * Every field of the contract is in each object the answer has at the same place (arrays: each element answered,
     * checked against the contract's first); {@code answered} collects the paths met, so an array that happened to be
     * empty everywhere does not pass unchecked.
     */
    private static void missingFields(JsonNode contract, JsonNode answer, String path, List<String> missing,
            Set<String> answered) {
        if (contract.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = contract.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                if (!answer.has(field.getKey())) {
                    missing.add(at);
                } else {
                    answered.add(at);
                    if (!answer.get(field.getKey()).isNull()) {
                        missingFields(field.getValue(), answer.get(field.getKey()), at, missing, answered);
                    }
                }
            }
        } else if (contract.isArray() && !contract.isEmpty() && answer.isArray()) {
            for (JsonNode element : answer) {
                missingFields(contract.get(0), element, path + "[]", missing, answered);
            }
        }
    }

    /** Every field path of the contract. */
    private static void paths(JsonNode contract, String path, Set<String> into) {
        if (contract.isObject()) {
            contract.fields().forEachRemaining(field -> {
                into.add(path + "." + field.getKey());
                paths(field.getValue(), path + "." + field.getKey(), into);
            });
        } else if (contract.isArray() && !contract.isEmpty()) {
            paths(contract.get(0), path + "[]", into);
        }
    }

    /** owed, paid, scheduled, claimed, difference of one person in one period. */
    private static List<Long> figures(JsonPath ledger, String period, String personId) {
        return totals(ledger, period + ".people.find { it.personId == '" + personId + "' }");
    }

    private static List<Long> totals(JsonPath ledger, String path) {
        return List.of(ledger.getLong(path + ".owedCents"), ledger.getLong(path + ".paidCents"),
                ledger.getLong(path + ".scheduledCents"), ledger.getLong(path + ".claimedCents"),
                ledger.getLong(path + ".differenceCents"));
    }

    private static RecoveryClaimEvent claim(String entitlementId, String debtor, LocalDate month, String decisionId) {
        return RecoveryClaimEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Fixtures.now()).setCorrelationId(Events.newCorrelationId())
                .setClaimId(UUID.randomUUID().toString()).setEntitlementId(entitlementId).setDebtorId(debtor)
                .setPeriodStart(month).setPeriodEnd(month.withDayOfMonth(month.lengthOfMonth())).setAmountCents(8000)
                .setReason("RECIPIENT_DIED").setDecisionId(decisionId)
                .setExplanation("80.00 EUR was paid after the recipient's death").build();
    }

    private static DeathRegisteredEvent death(String personId, LocalDate date) {
        return DeathRegisteredEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(Fixtures.now()).setCorrelationId(Events.newCorrelationId())
                .setDeath(DeathRecord.newBuilder().setRegistrationId("D-" + personId).setPersonId(personId)
                        .setBirthDate(LocalDate.of(1980, 1, 1)).setDateOfDeath(date).setPlaceOfDeath("Tallinn").build())
                .setRegisteredAt(Fixtures.now()).build();
    }
}
