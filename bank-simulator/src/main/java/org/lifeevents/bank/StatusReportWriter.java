package org.lifeevents.bank;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.lifeevents.iso20022.Iso20022Schema;
import org.lifeevents.iso20022.ValidatingXmlWriter;

import com.prowidesoftware.swift.model.mx.MxPain00200110;

/**
 * Writes the bank's pain.002.001.10 status report with StAX, validated against its schema in the same pass (the one
 * the payment service reads it with): no object graph, one element at a time. Deterministic: the same file and
 * outcome give the same bytes, which is what lets the bank answer a file sent again with the same report.
 */
final class StatusReportWriter {

    private static final Iso20022Schema SCHEMA = Iso20022Schema.of(MxPain00200110.class);
    /** ISO 20022 Max105Text: the longest additional information a reason may carry. */
    private static final int REASON_TEXT = 105;

    /** One transfer's outcome: settled, or rejected with a reason code. */
    record Outcome(String statusId, String instructionId, String endToEndId, String status, String reason) {
    }

    /** One payment information block's outcomes. */
    record InstructionOutcome(String id, String nbOfTxs, String ctrlSum, String status, List<Outcome> transfers) {
    }

    /** What the report refers to: the original group header as the file gave it (or only its message id). */
    record Original(String messageId, String createdAt, String nbOfTxs, String ctrlSum) {
    }

    private StatusReportWriter() {
    }

    /** A report on each transfer of the file. */
    static byte[] transfers(String reportId, OffsetDateTime createdAt, String bic, Original original,
            String groupStatus, List<InstructionOutcome> instructions, OffsetDateTime acceptedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 400 * count(instructions));
        ValidatingXmlWriter xml = header(out, reportId, createdAt, bic);
        original(xml, original).element("GrpSts", groupStatus).end();
        String accepted = format(acceptedAt);
        for (InstructionOutcome instruction : instructions) {
            xml.start("OrgnlPmtInfAndSts").element("OrgnlPmtInfId", instruction.id());
            optional(xml, "OrgnlNbOfTxs", instruction.nbOfTxs());
            optional(xml, "OrgnlCtrlSum", instruction.ctrlSum());
            xml.element("PmtInfSts", instruction.status());
            for (Outcome transfer : instruction.transfers()) {
                xml.start("TxInfAndSts").element("StsId", transfer.statusId());
                optional(xml, "OrgnlInstrId", transfer.instructionId());
                optional(xml, "OrgnlEndToEndId", transfer.endToEndId());
                xml.element("TxSts", transfer.status());
                if (transfer.reason() != null) {
                    reason(xml, transfer.reason(), null);
                }
                xml.element("AccptncDtTm", accepted).end();
            }
            xml.end();
        }
        xml.finish();
        return out.toByteArray();
    }

    /** A report that rejects the whole file with one reason. */
    static byte[] groupRejection(String reportId, OffsetDateTime createdAt, String bic, Original original,
            String groupStatus, String code, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        ValidatingXmlWriter xml = header(out, reportId, createdAt, bic);
        original(xml, original).element("GrpSts", groupStatus);
        reason(xml, code, text);
        xml.end();
        xml.finish();
        return out.toByteArray();
    }

    private static ValidatingXmlWriter header(ByteArrayOutputStream out, String reportId, OffsetDateTime createdAt,
            String bic) {
        return SCHEMA.writer(out).start("Document").start("CstmrPmtStsRpt")
                .start("GrpHdr")
                .element("MsgId", reportId)
                .element("CreDtTm", format(createdAt))
                .start("DbtrAgt").start("FinInstnId").element("BICFI", bic).end().end()
                .end();
    }

    private static ValidatingXmlWriter original(ValidatingXmlWriter xml, Original original) {
        xml.start("OrgnlGrpInfAndSts")
                .element("OrgnlMsgId", original.messageId())
                .element("OrgnlMsgNmId", CreditTransferDesk.PAIN_001);
        optional(xml, "OrgnlCreDtTm", original.createdAt());
        optional(xml, "OrgnlNbOfTxs", original.nbOfTxs());
        return optional(xml, "OrgnlCtrlSum", original.ctrlSum());
    }

    private static void reason(ValidatingXmlWriter xml, String code, String text) {
        xml.start("StsRsnInf").start("Rsn").element("Cd", code).end();
        if (text != null && !text.isBlank()) {
            xml.element("AddtlInf", text.length() > REASON_TEXT ? text.substring(0, REASON_TEXT) : text);
        }
        xml.end();
    }

    private static ValidatingXmlWriter optional(ValidatingXmlWriter xml, String name, String text) {
        return text == null ? xml : xml.element(name, text);
    }

    private static String format(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static int count(List<InstructionOutcome> instructions) {
        return instructions.stream().mapToInt(i -> i.transfers().size()).sum();
    }
}
