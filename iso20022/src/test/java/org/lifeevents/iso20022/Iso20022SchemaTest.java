package org.lifeevents.iso20022;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.MxPain00200110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EPC schema accepts what a SEPA bank accepts and refuses the rest with its own message; the writer agrees. */
class Iso20022SchemaTest {

    private static final String SEVENTY_ONE = "x".repeat(71);

    @Test
    void aValidFilePassesTheEpcSchema() throws IOException {
        String xml = sample();

        assertThat(Iso20022Schema.pain001().violations(xml)).isEmpty();
        assertThat(Iso20022Schema.pain001().violations(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aFileBreakingTheEpcRulesIsRefusedWithTheSchemasMessage() throws IOException {
        String xml = sample()
                .replace("Ccy=\"EUR\">100.00<", "Ccy=\"EUR\">100.005<")
                .replace("<Nm>Jaan Tamm</Nm>", "<Nm>" + SEVENTY_ONE + "</Nm>");

        assertThat(Iso20022Schema.pain001().violations(xml))
                .anySatisfy(v -> assertThat(v).contains("cvc-fractionDigits-valid").contains("100.005"))
                .anySatisfy(v -> assertThat(v).contains("cvc-maxLength-valid").contains("70"));
    }

    @Test
    void theIsoMessageIsNotEnoughForASepaBank() throws IOException {
        // ISO 20022 allows a 140-character name and several remittance lines; the EPC guidelines do not.
        String xml = sample().replace("<Ustrd>Child allowance 2026-12</Ustrd>",
                "<Ustrd>Child allowance 2026-12</Ustrd><Ustrd>and more</Ustrd>");

        assertThat(Iso20022Schema.pain001().violations(xml)).isNotEmpty();
    }

    @Test
    void theWriterValidatesWhileItWrites() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(Iso20022Schema.pain001().writer(bytes), "80.00", "Mari Maasikas");

        assertThat(Iso20022Schema.pain001().violations(bytes.toByteArray())).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Document xmlns=\"" + Iso20022Schema.PAIN_001_NAMESPACE + "\">")
                .contains("<InstdAmt Ccy=\"EUR\">80.00</InstdAmt>");
    }

    @Test
    void theWriterRefusesAnInvalidFileNamingTheElement() {
        ValidatingXmlWriter writer = Iso20022Schema.pain001().writer(new ByteArrayOutputStream());

        assertThatThrownBy(() -> write(writer, "0.00", SEVENTY_ONE))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v).startsWith("/Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt")
                                .contains("cvc-minInclusive-valid"))
                        .anySatisfy(v -> assertThat(v).contains("/Cdtr/Nm").contains("cvc-maxLength-valid")));
    }

    @Test
    void filesAreWrittenInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var files = new java.util.ArrayList<Future<byte[]>>();
            for (int i = 0; i < 8; i++) {
                files.add(pool.submit(() -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    write(Iso20022Schema.pain001().writer(bytes), "80.00", "Mari Maasikas");
                    return bytes.toByteArray();
                }));
            }
            for (Future<byte[]> file : files) {
                assertThat(Iso20022Schema.pain001().violations(file.get())).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStatusReportIsCheckedAgainstTheSchemaDerivedFromTheModel() {
        Iso20022Schema pain002 = Iso20022Schema.of(MxPain00200110.class);

        assertThat(pain002.namespace()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.002.001.10");
        assertThat(pain002.violations("<Document xmlns=\"" + pain002.namespace() + "\"><Nonsense/></Document>"))
                .isNotEmpty();
        assertThat(Iso20022Schema.of(MxPain00200110.class)).isSameAs(pain002);
    }

    private static void write(ValidatingXmlWriter w, String amount, String name) {
        w.start("Document").start("CstmrCdtTrfInitn")
                .start("GrpHdr").element("MsgId", "LE20261201000001").element("CreDtTm", "2026-12-01T06:00:00Z")
                .element("NbOfTxs", "1").element("CtrlSum", amount)
                .start("InitgPty").element("Nm", "Social Insurance Board").end().end()
                .start("PmtInf").element("PmtInfId", "LE20261201000001-1").element("PmtMtd", "TRF")
                .element("NbOfTxs", "1").element("CtrlSum", amount)
                .start("PmtTpInf").start("SvcLvl").element("Cd", "SEPA").end().end()
                .start("ReqdExctnDt").element("Dt", "2026-12-01").end()
                .start("Dbtr").element("Nm", "Social Insurance Board").end()
                .start("DbtrAcct").start("Id").element("IBAN", "EE382200221020145685").end().end()
                .start("DbtrAgt").start("FinInstnId").element("BICFI", "HABAEE2X").end().end()
                .element("ChrgBr", "SLEV")
                .start("CdtTrfTxInf")
                .start("PmtId").element("EndToEndId", "CHILD-2026-12-0001").end()
                .start("Amt").element("InstdAmt", "Ccy", "EUR", amount).end()
                .start("Cdtr").element("Nm", name).end()
                .start("CdtrAcct").start("Id").element("IBAN", "EE471000001020145685").end().end()
                .start("RmtInf").element("Ustrd", "Child allowance 2026-12").end();
        w.finish();
    }

    private static String sample() throws IOException {
        try (InputStream in = Iso20022SchemaTest.class.getResourceAsStream("pain001-valid.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
