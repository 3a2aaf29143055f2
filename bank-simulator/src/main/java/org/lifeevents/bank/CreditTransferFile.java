package org.lifeevents.bank;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.lifeevents.iso20022.InvalidMessageException;
import org.lifeevents.iso20022.Iso20022Schema;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the bank needs of a pain.001 file: its group header, and per payment information block each transfer's
 * identifiers, amount and creditor account. Read as a stream and validated against the schema in the same pass, so a
 * file of any size costs one parse and no object graph; a file that breaks the schema is never read further.
 */
record CreditTransferFile(String messageId, String createdAt, String nbOfTxs, BigDecimal ctrlSum,
        List<Instruction> instructions) {

    /** One payment information block (PmtInf) and its transfers. */
    record Instruction(String id, String nbOfTxs, BigDecimal ctrlSum, List<Transfer> transfers) {

        BigDecimal sum() {
            long cents = 0;
            for (Transfer transfer : transfers) {
                cents += transfer.amountCents();
            }
            return BigDecimal.valueOf(cents, 2);
        }
    }

    /** One credit transfer (CdtTrfTxInf); the schema allows two decimals, so the amount is exact in cents. */
    record Transfer(String instructionId, String endToEndId, long amountCents, String iban) {
    }

    /**
     * @throws InvalidMessageException with the schema's messages when the file breaks it, or is no XML
     */
    static CreditTransferFile read(Iso20022Schema schema, InputStream xml) {
        Collector collector = new Collector();
        schema.read(xml, collector);
        return new CreditTransferFile(collector.messageId, collector.createdAt, collector.nbOfTxs, collector.ctrlSum,
                collector.instructions);
    }

    /** Picks the fields by their place in the file: group header, payment information block, transfer. */
    private static final class Collector extends DefaultHandler {

        private final StringBuilder text = new StringBuilder();
        private final List<Instruction> instructions = new ArrayList<>();
        private String messageId;
        private String createdAt;
        private String nbOfTxs;
        private BigDecimal ctrlSum;
        private boolean inHeader;
        private boolean inTransfer;
        private boolean inCreditorAccount;
        private int depth;
        private int instructionDepth = -2;
        private String instructionId;
        private String instructionNbOfTxs;
        private BigDecimal instructionCtrlSum;
        private List<Transfer> transfers;
        private String transferId;
        private String endToEndId;
        private long amountCents;
        private String iban;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            text.setLength(0);
            switch (localName) {
                case "GrpHdr" -> inHeader = true;
                case "PmtInf" -> {
                    instructionDepth = depth;
                    instructionId = null;
                    instructionNbOfTxs = null;
                    instructionCtrlSum = null;
                    transfers = new ArrayList<>();
                }
                case "CdtTrfTxInf" -> {
                    inTransfer = true;
                    transferId = null;
                    endToEndId = null;
                    amountCents = 0;
                    iban = null;
                }
                case "CdtrAcct" -> inCreditorAccount = inTransfer;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String value = text.toString().trim();
            text.setLength(0);
            if (inHeader) {
                switch (localName) {
                    case "MsgId" -> messageId = value;
                    case "CreDtTm" -> createdAt = value;
                    case "NbOfTxs" -> nbOfTxs = value;
                    case "CtrlSum" -> ctrlSum = new BigDecimal(value);
                    case "GrpHdr" -> inHeader = false;
                    default -> {
                    }
                }
            } else if (inTransfer) {
                switch (localName) {
                    case "InstrId" -> transferId = value;
                    case "EndToEndId" -> endToEndId = value;
                    case "InstdAmt" -> amountCents = new BigDecimal(value).movePointRight(2).longValueExact();
                    case "IBAN" -> iban = inCreditorAccount ? value : iban;
                    case "CdtrAcct" -> inCreditorAccount = false;
                    case "CdtTrfTxInf" -> {
                        inTransfer = false;
                        transfers.add(new Transfer(transferId, endToEndId, amountCents, iban));
                    }
                    default -> {
                    }
                }
            } else if (depth == instructionDepth + 1) {
                // the block's own fields, not those of its parties or transfers
                switch (localName) {
                    case "PmtInfId" -> instructionId = value;
                    case "NbOfTxs" -> instructionNbOfTxs = value;
                    case "CtrlSum" -> instructionCtrlSum = new BigDecimal(value);
                    default -> {
                    }
                }
            } else if (depth == instructionDepth && "PmtInf".equals(localName)) {
                instructions.add(new Instruction(instructionId, instructionNbOfTxs, instructionCtrlSum, transfers));
            }
            depth--;
        }
    }
}
