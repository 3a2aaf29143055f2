package org.lifeevents.iso20022;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A status report as the bank writes it is read as a stream, and one that breaks its schema is refused. */
class StatusReportReaderTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 6, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void readsTheGroupAndEachTransfer() {
        String xml = write(new CustomerPaymentStatusReportV10()
                .setGrpHdr(new GroupHeader86().setMsgId("STS1").setCreDtTm(AT))
                .setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId("LEB1").setOrgnlMsgNmId("pain.001.001.09")
                        .setOrgnlNbOfTxs("2").setOrgnlCtrlSum(new BigDecimal("180.00")).setGrpSts("PART"))
                .addOrgnlPmtInfAndSts(new OriginalPaymentInstruction32().setOrgnlPmtInfId("LEB1-1").setPmtInfSts("PART")
                        .addTxInfAndSts(new PaymentTransaction105().setStsId("S1").setOrgnlInstrId("a1")
                                .setOrgnlEndToEndId("E1").setTxSts("ACSC"))
                        .addTxInfAndSts(new PaymentTransaction105().setStsId("S2").setOrgnlInstrId("a2")
                                .setOrgnlEndToEndId("E2").setTxSts("RJCT")
                                .addStsRsnInf(new StatusReasonInformation12().setRsn(new StatusReason6Choice().setCd("MD07"))
                                        .addAddtlInf("End customer deceased")))));

        StatusReport report = read(xml);

        assertThat(report.originalMessageId()).isEqualTo("LEB1");
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.groupReason()).isNull();
        assertThat(report.transactions()).containsExactly(
                new StatusReport.Transaction("a1", "E1", "ACSC", null, null),
                new StatusReport.Transaction("a2", "E2", "RJCT", "MD07", "End customer deceased"));
    }

    @Test
    void readsAGroupRejection() {
        String xml = write(new CustomerPaymentStatusReportV10()
                .setGrpHdr(new GroupHeader86().setMsgId("STS2").setCreDtTm(AT))
                .setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId("LEB2").setOrgnlMsgNmId("pain.001.001.09")
                        .setGrpSts("RJCT").addStsRsnInf(new StatusReasonInformation12()
                                .setRsn(new StatusReason6Choice().setCd("FF01")).addAddtlInf("line 3: cvc-..."))));

        StatusReport report = read(xml);

        assertThat(report.groupStatus()).isEqualTo("RJCT");
        assertThat(report.groupReason()).isEqualTo("FF01");
        assertThat(report.groupReasonText()).isEqualTo("line 3: cvc-...");
        assertThat(report.transactions()).isEmpty();
    }

    @Test
    void refusesAReportThatBreaksItsSchema() {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt><Nonsense/>"
                + "</CstmrPmtStsRpt></Document>";

        assertThatThrownBy(() -> read(xml)).isInstanceOf(InvalidMessageException.class).hasMessageContaining("Nonsense");
        assertThatThrownBy(() -> read("not xml")).isInstanceOf(InvalidMessageException.class);
    }

    private static StatusReport read(String xml) {
        return StatusReportReader.read(Iso20022Schema.of(MxPain00200110.class),
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(CustomerPaymentStatusReportV10 report) {
        MxWriteConfiguration write = new MxWriteConfiguration();
        write.documentPrefix = null;
        return new MxPain00200110().setCstmrPmtStsRpt(report).message(write);
    }
}
