package org.lifeevents.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CreditTransferResourceTest {

    private static final String KEY = "bank-demo-api-key";

    @Test
    void creditsGoodAccountsAndRejectsTheConfiguredOnesWithTheirReasonCodes() {
        String messageId = "T-" + UUID.randomUUID().toString().substring(0, 20);
        String file = pain001(messageId, Map.of(
                "I-OK", "EE382200221020145685",
                "I-AC01", "EE231010220000000001",
                "I-AC04", "EE931010220000000002",
                "I-MD07", "EE661010220000000003"), null);

        MxPain00200110 report = MxPain00200110.parse(send(file));

        assertThat(report.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts().getOrgnlMsgId()).isEqualTo(messageId);
        assertThat(report.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts().getGrpSts()).isEqualTo("PART");
        Map<String, String> outcome = transactions(report).stream().collect(Collectors.toMap(
                PaymentTransaction105::getOrgnlInstrId,
                t -> t.getTxSts() + (t.getStsRsnInf().isEmpty() ? "" : " " + t.getStsRsnInf().get(0).getRsn().getCd())));
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of(
                "I-OK", "ACSC", "I-AC01", "RJCT AC01", "I-AC04", "RJCT AC04", "I-MD07", "RJCT MD07"));
        assertThat(transactions(report))
                .allSatisfy(t -> assertThat(t.getOrgnlEndToEndId()).isEqualTo("E2E-" + t.getOrgnlInstrId()));
    }

    @Test
    void theSameFileAgainGetsTheSameReportAndADifferentFileUnderItsIdIsADuplicate() {
        String messageId = "T-" + UUID.randomUUID().toString().substring(0, 20);
        String file = pain001(messageId, Map.of("I-1", "EE382200221020145685"), null);

        String first = send(file);
        String again = send(file);
        String other = send(pain001(messageId, Map.of("I-2", "EE382200221020145685"), null));

        assertThat(again).isEqualTo(first);
        var duplicate = MxPain00200110.parse(other).getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        assertThat(duplicate.getGrpSts()).isEqualTo("RJCT");
        assertThat(duplicate.getStsRsnInf().get(0).getRsn().getCd()).isEqualTo("DU01");
        given().header(ApiKeyFilter.HEADER, KEY).get("/files").then().statusCode(200)
                .body("find { it.messageId == '" + messageId + "' }.deliveries", equalTo(2))
                .body("find { it.messageId == '" + messageId + "' }.credited", equalTo(1));
    }

    @Test
    void aWrongControlSumOrABrokenSchemaRejectsTheWholeFile() {
        String wrongSum = pain001("T-" + UUID.randomUUID().toString().substring(0, 20),
                Map.of("I-1", "EE382200221020145685"), new BigDecimal("999.00"));
        var sum = MxPain00200110.parse(send(wrongSum)).getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        assertThat(sum.getGrpSts()).isEqualTo("RJCT");
        assertThat(sum.getStsRsnInf().get(0).getRsn().getCd()).isEqualTo("AM10");

        String broken = pain001("T-" + UUID.randomUUID().toString().substring(0, 20),
                Map.of("I-1", "EE382200221020145685"), null).replaceFirst("<NbOfTxs>1</NbOfTxs>", "");
        var schema = MxPain00200110.parse(send(broken)).getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        assertThat(schema.getGrpSts()).isEqualTo("RJCT");
        assertThat(schema.getStsRsnInf().get(0).getRsn().getCd()).isEqualTo("FF01");
    }

    @Test
    void withoutTheKeyNothingIsAccepted() {
        String file = pain001("T-NOKEY", Map.of("I-1", "EE382200221020145685"), null);
        given().contentType(ContentType.XML).body(file).post("/pain001").then().statusCode(401)
                .body("code", equalTo("api_key_required"));
        given().header(ApiKeyFilter.HEADER, "wrong").contentType(ContentType.XML).body(file).post("/pain001").then()
                .statusCode(401);
        given().get("/files").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String send(String file) {
        return given().header(ApiKeyFilter.HEADER, KEY).contentType(ContentType.XML).body(file)
                .post("/pain001").then().statusCode(200).extract().asString();
    }

    private static List<PaymentTransaction105> transactions(MxPain00200110 report) {
        return report.getCstmrPmtStsRpt().getOrgnlPmtInfAndSts().stream().flatMap(p -> p.getTxInfAndSts().stream()).toList();
    }

    /** A file as the payment service builds it: one instruction, one transfer of 80.00 EUR per account. */
    static String pain001(String messageId, Map<String, String> accounts, BigDecimal controlSum) {
        BigDecimal amount = new BigDecimal("80.00");
        BigDecimal sum = amount.multiply(BigDecimal.valueOf(accounts.size()));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(messageId + "-1")
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(String.valueOf(accounts.size()))
                .setCtrlSum(sum)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(LocalDate.now()))
                .setDbtr(new PartyIdentification135().setNm("Benefits agency"))
                .setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN("EE471000001020145685")))
                .setDbtrAgt(new com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18()
                                .setBICFI("EEUHEE2X")));
        accounts.forEach((instructionId, iban) -> instruction.addCdtTrfTxInf(new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setInstrId(instructionId).setEndToEndId("E2E-" + instructionId))
                .setAmt(new AmountType4Choice()
                        .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(amount)))
                .setCdtr(new PartyIdentification135().setNm("Recipient"))
                .setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban)))));
        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85().setMsgId(messageId)
                        .setCreDtTm(OffsetDateTime.now(ZoneOffset.UTC).withNano(0))
                        .setNbOfTxs(String.valueOf(accounts.size()))
                        .setCtrlSum(controlSum == null ? sum : controlSum)
                        .setInitgPty(new PartyIdentification135().setNm("Benefits agency")))
                .addPmtInf(instruction);
        MxWriteConfiguration write = new MxWriteConfiguration();
        write.documentPrefix = null;
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message(write);
    }
}
