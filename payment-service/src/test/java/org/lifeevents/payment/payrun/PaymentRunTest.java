package org.lifeevents.payment.payrun;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.iso20022.Iso20022Schema;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.BankSimulatorTestResource;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.bank.Pain001Writer;
import org.lifeevents.payment.schedule.Payment;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitLines;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.due;
import static org.lifeevents.payment.Fixtures.dueDate;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

@QuarkusTest
class PaymentRunTest {

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

    @Inject
    Pain001Writer writer;

    @Test
    void aGrantedOneOffAndTheOwedMonthsArePaidInAValidPain001AndSettledByTheBank() {
        TopicReader topics = new TopicReader(bootstrap);
        String mother = person();
        String birthGrant = UUID.randomUUID().toString();
        String allowance = UUID.randomUUID().toString();
        String correlation = Events.newCorrelationId();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, mother, "EE382200221020145685"));
        topics.publish(Topics.ENTITLEMENTS, birthGrant, decided(birthGrant, 1, "BIRTH_GRANT", "GRANTED", false, correlation,
                List.of(period(monthStart(2).plusDays(4), monthStart(2).plusDays(4), 32000, mother))));
        topics.publish(Topics.ENTITLEMENTS, allowance, decided(allowance, 1, "CHILD_ALLOWANCE", "GRANTED", true,
                correlation, List.of(period(monthStart(2), null, 8000, mother))));
        awaitVersion(birthGrant, 1);
        awaitVersion(allowance, 1);

        PaymentRun run = org.lifeevents.payment.Fixtures.run(runs, executor);

        assertThat(run.status).isEqualTo(PaymentRun.COMPLETED);
        List<Payment> grant = payments(birthGrant);
        assertThat(grant).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(Payment.SETTLED);
            assertThat(p.amountCents).isEqualTo(32000);
            assertThat(p.runId).isEqualTo(run.runId);
        });
        // Monthly benefits are paid in arrears on the 10th of the next month: the month before last is paid, last month
        // only from the 10th of this one on (the day itself included), and the current month waits for the 10th of the
        // next.
        List<Payment> months = payments(allowance);
        assertThat(months).extracting(p -> p.periodStart).containsExactly(monthStart(2), monthStart(1), monthStart(0));
        assertThat(months).allSatisfy(p -> {
            assertThat(p.dueDate).isEqualTo(dueDate(p.periodStart));
            assertThat(p.status).isEqualTo(due(p.periodStart) ? Payment.SETTLED : Payment.SCHEDULED);
        });
        assertThat(months.get(0).status).isEqualTo(Payment.SETTLED);
        assertThat(months.get(2).status).isEqualTo(Payment.SCHEDULED);
        assertThat(months.get(2).dueDate).isEqualTo(monthStart(-1).withDayOfMonth(10));
        int paidMonths = (int) months.stream().filter(p -> Payment.SETTLED.equals(p.status)).count();

        // The file that left, rebuilt byte for byte from the run's state, is valid pain.001.001.09 by the schema of
        // the library's model, and carries what the bank needs.
        PaymentFile file = QuarkusTransaction.requiringNew().call(() -> PaymentFile.findById(grant.get(0).fileId));
        String xml = writer.write(file.fileId);
        assertThat(Iso20022Schema.pain001().violations(xml)).isEmpty();
        var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
        assertThat(initiation.getGrpHdr().getMsgId()).isEqualTo(file.messageId);
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo(String.valueOf(file.nbOfTxs));
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo(BigDecimal.valueOf(file.ctrlSumCents, 2));
        var instruction = initiation.getPmtInf().get(0);
        assertThat(instruction.getPmtTpInf().getCtgyPurp().getCd()).isEqualTo("SSBE");
        assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo("EE471000001020145685");
        CreditTransferTransaction34 transfer = instruction.getCdtTrfTxInf().stream()
                .filter(t -> t.getPmtId().getInstrId().equals(Pain001Writer.instructionId(grant.get(0).paymentId)))
                .findFirst().orElseThrow();
        assertThat(transfer.getPmtId().getEndToEndId()).isEqualTo(correlation);
        assertThat(transfer.getAmt().getInstdAmt().getValue()).isEqualByComparingTo("320.00");
        assertThat(transfer.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(transfer.getCdtrAcct().getId().getIBAN()).isEqualTo("EE382200221020145685");
        assertThat(transfer.getRmtInf().getUstrd()).containsExactly("Birth grant " + monthStart(2).plusDays(4));
        BigDecimal sum = instruction.getCdtTrfTxInf().stream().map(t -> t.getAmt().getInstdAmt().getValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(initiation.getGrpHdr().getCtrlSum());

        assertThat(awaitLines(topics, PaymentsSentEvent.class, line -> line.getRecipientId().equals(mother),
                1 + paidMonths)).hasSize(1 + paidMonths)
                .allSatisfy(line -> assertThat(line.getEndToEndId()).isEqualTo(correlation));
        assertThat(awaitLines(topics, PaymentsSettledEvent.class, line -> line.getRecipientId().equals(mother),
                1 + paidMonths)).hasSize(1 + paidMonths);
    }

    @Test
    void theBanksRejectionsFailThePaymentWithItsReasonCode() {
        TopicReader topics = new TopicReader(bootstrap);
        String[][] cases = {
                { person(), BankSimulatorTestResource.INCORRECT_ACCOUNT, "AC01" },
                { person(), BankSimulatorTestResource.CLOSED_ACCOUNT, "AC04" },
                { person(), BankSimulatorTestResource.DECEASED_ACCOUNT, "MD07" } };
        String[] entitlements = new String[cases.length];
        for (int i = 0; i < cases.length; i++) {
            String personId = cases[i][0];
            String iban = cases[i][1];
            QuarkusTransaction.requiringNew().run(() -> account(accounts, personId, iban));
            entitlements[i] = UUID.randomUUID().toString();
            topics.publish(Topics.ENTITLEMENTS, entitlements[i], decided(entitlements[i], 1, "FUNERAL_GRANT", "GRANTED",
                    false, Events.newCorrelationId(), List.of(period(monthStart(1), monthStart(1), 25000, personId))));
        }
        for (String entitlement : entitlements) {
            awaitVersion(entitlement, 1);
        }

        org.lifeevents.payment.Fixtures.run(runs, executor);

        for (int i = 0; i < cases.length; i++) {
            String reason = cases[i][2];
            assertThat(payments(entitlements[i])).singleElement().satisfies(p -> {
                assertThat(p.status).isEqualTo(Payment.FAILED);
                assertThat(p.reasonCode).isEqualTo(reason);
            });
            String entitlement = entitlements[i];
            assertThat(topics.await(Topics.PAYMENTS, PaymentFailedEvent.class,
                    e -> e.getEntitlementId().equals(entitlement), 1)).singleElement()
                    .satisfies(e -> assertThat(e.getReasonCode()).isEqualTo(reason));
        }
    }

    @Test
    void runsReconcileAndOnlyTheirRolesSeeOrStartThem() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        PaymentRun run = org.lifeevents.payment.Fixtures.run(runs, executor);

        for (String user : List.of("carl", "aino", "otto")) {
            given().auth().oauth2(tokens.person(user)).get("/runs/" + run.runId).then().statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("reconciliation.reconciled", equalTo(true));
            given().auth().oauth2(tokens.person(user)).get("/runs").then().statusCode(200);
        }
        given().auth().oauth2(tokens.person("kati")).get("/runs").then().statusCode(403);
        given().get("/runs").then().statusCode(401);

        given().auth().oauth2(tokens.person("carl")).post("/runs").then().statusCode(403);
        given().auth().oauth2(tokens.person("aino")).post("/runs").then().statusCode(403);
        given().auth().oauth2(tokens.person("kati")).post("/runs").then().statusCode(403);
        given().post("/runs").then().statusCode(401);
        String scheduler = tokens.clientCredentials(KeycloakTokens.PAYMENT_SCHEDULER_CLIENT,
                KeycloakTokens.PAYMENT_SCHEDULER_SECRET);
        String started = given().auth().oauth2(scheduler).post("/runs").then().statusCode(202)
                .extract().path("runId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "COMPLETED".equals(given().auth().oauth2(tokens.person("otto")).get("/runs/" + started)
                        .then().statusCode(200).extract().path("status")));

        for (String user : List.of("carl", "aino")) {
            given().auth().oauth2(tokens.person(user)).get("/reconciliation").then().statusCode(200);
        }
        given().auth().oauth2(tokens.person("kati")).get("/reconciliation").then().statusCode(403);
        given().auth().oauth2(tokens.person("otto")).contentType("application/xml").body("<x/>").post("/status-reports")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        given().auth().oauth2(tokens.person("carl")).contentType("application/xml").body("<x/>").post("/status-reports")
                .then().statusCode(403);
    }
}
