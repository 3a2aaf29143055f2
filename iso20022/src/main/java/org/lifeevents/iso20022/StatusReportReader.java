package org.lifeevents.iso20022;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.validation.ValidatorHandler;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a pain.002 status report as a stream, validating it against its schema in the same pass (the parser feeds the
 * schema's {@link ValidatorHandler}, which hands the events on): no object graph of the report, and memory bounded by
 * the transfers of one file.
 */
public final class StatusReportReader {

    private StatusReportReader() {
    }

    /**
     * @throws InvalidMessageException with the schema's messages when the report breaks the schema, or is no XML
     */
    public static StatusReport read(Iso20022Schema schema, InputStream xml) {
        Collector collector = new Collector();
        schema.read(xml, collector);
        return new StatusReport(collector.messageId, collector.groupStatus, collector.groupReason,
                collector.groupText, collector.transactions);
    }

    /** Picks the fields the importer needs by their place in the report. */
    private static final class Collector extends DefaultHandler {

        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private final List<StatusReport.Transaction> transactions = new ArrayList<>();
        private String messageId;
        private String groupStatus;
        private String groupReason;
        private String groupText;
        private String instructionId;
        private String endToEndId;
        private String status;
        private String reason;
        private String reasonText;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            path.push(localName);
            text.setLength(0);
            if ("TxInfAndSts".equals(localName)) {
                instructionId = null;
                endToEndId = null;
                status = null;
                reason = null;
                reasonText = null;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            path.pop();
            String value = text.toString().trim();
            text.setLength(0);
            boolean inGroup = path.contains("OrgnlGrpInfAndSts");
            boolean inTransaction = path.contains("TxInfAndSts");
            boolean inReason = "Rsn".equals(path.peek());
            boolean inReasonInformation = "StsRsnInf".equals(path.peek());
            if (inTransaction) {
                switch (localName) {
                    case "OrgnlInstrId" -> instructionId = value;
                    case "OrgnlEndToEndId" -> endToEndId = value;
                    case "TxSts" -> status = value;
                    case "Cd", "Prtry" -> reason = inReason && reason == null ? value : reason;
                    case "AddtlInf" -> reasonText = inReasonInformation && reasonText == null ? value : reasonText;
                    default -> {
                    }
                }
            } else if ("TxInfAndSts".equals(localName)) {
                transactions.add(new StatusReport.Transaction(instructionId, endToEndId, status, reason, reasonText));
            } else if (inGroup) {
                switch (localName) {
                    case "OrgnlMsgId" -> messageId = value;
                    case "GrpSts" -> groupStatus = value;
                    case "Cd", "Prtry" -> groupReason = inReason && groupReason == null ? value : groupReason;
                    case "AddtlInf" -> groupText = inReasonInformation && groupText == null ? value : groupText;
                    default -> {
                    }
                }
            }
        }
    }
}
