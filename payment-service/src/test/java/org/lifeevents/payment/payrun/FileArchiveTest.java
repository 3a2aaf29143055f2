package org.lifeevents.payment.payrun;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.iso20022.Iso20022Schema;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.Fixtures;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.archive.FileArchive;
import org.lifeevents.payment.bank.Pain001Writer;

import com.prowidesoftware.swift.model.mx.MxPain00200110;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;

/** Every file sent and every report received is kept byte for byte, with its digest on the run, for auditors. */
@QuarkusTest
class FileArchiveTest {

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
    void auditorsAndOperatorsFetchTheExactBytesOfARunsFilesAndReports() {
        TopicReader topics = new TopicReader(bootstrap);
        String mother = person();
        String grant = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> account(accounts, mother, "EE382200221020145685"));
        topics.publish(Topics.ENTITLEMENTS, grant, decided(grant, 1, "BIRTH_GRANT", "GRANTED", false,
                Events.newCorrelationId(), List.of(period(monthStart(1).plusDays(4), monthStart(1).plusDays(4), 32000,
                        mother))));
        awaitVersion(grant, 1);
        PaymentRun run = Fixtures.run(runs, executor);
        assertThat(run.fileCount).isPositive();
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);

        var file = given().auth().oauth2(tokens.person("aino")).get("/runs/" + run.runId).then().statusCode(200)
                .extract().jsonPath();
        String sentDigest = file.getString("files[0].pain001Digest");
        String reportDigest = file.getString("files[0].pain002Digest");
        for (String user : List.of("aino", "otto")) {
            byte[] sent = given().auth().oauth2(tokens.person(user)).get("/runs/" + run.runId + "/files/1").then()
                    .statusCode(200).header("Digest", "sha-256=" + base64(sentDigest)).extract().asByteArray();
            assertThat(FileArchive.sha256(sent)).isEqualTo(sentDigest);
            assertThat(Iso20022Schema.pain001().violations(sent)).isEmpty();
            byte[] report = given().auth().oauth2(tokens.person(user))
                    .get("/runs/" + run.runId + "/files/1/status-report").then().statusCode(200).extract().asByteArray();
            assertThat(FileArchive.sha256(report)).isEqualTo(reportDigest);
            assertThat(MxPain00200110.parse(new String(report, java.nio.charset.StandardCharsets.UTF_8))
                    .getCstmrPmtStsRpt().getOrgnlGrpInfAndSts().getOrgnlMsgId())
                    .isEqualTo(file.getString("files[0].messageId"));
        }
        // Written again, the file is the same bytes: what the archive holds is what the run would send.
        UUID fileId = QuarkusTransaction.requiringNew().call(() -> PaymentFile
                .<PaymentFile> find("runId = ?1 and fileNo = 1", run.runId).firstResult().fileId);
        assertThat(FileArchive.sha256(writer.bytes(fileId))).isEqualTo(sentDigest);

        given().auth().oauth2(tokens.person("otto")).get("/runs/" + run.runId + "/files/" + (run.fileCount + 1)).then()
                .statusCode(404);
        given().auth().oauth2(tokens.person("carl")).get("/runs/" + run.runId + "/files/1").then().statusCode(403);
        given().auth().oauth2(tokens.person("kati")).get("/runs/" + run.runId + "/files/1").then().statusCode(403);
        given().get("/runs/" + run.runId + "/files/1").then().statusCode(401);
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
