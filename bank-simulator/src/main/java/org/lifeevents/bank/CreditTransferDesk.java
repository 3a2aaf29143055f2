package org.lifeevents.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lifeevents.iso20022.Iso20022Schema;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;

/**
 * Where the simulated bank takes a pain.001 customer credit transfer file and answers with a pain.002 status report.
 * The file is checked against its schema and its control figures; each transfer is credited (ACSC) or rejected with
 * the reason the configured account lists give. The same file sent again gets the same report (the bank recognises
 * the message id), so a client that lost the answer can safely ask again; a different file under a known message id
 * is refused as a duplicate (DU01).
 */
@ApplicationScoped
public class CreditTransferDesk {

    public static final String PAIN_001 = "pain.001.001.09";
    public static final String SETTLED = "ACSC";
    public static final String PARTIALLY_ACCEPTED = "PART";
    public static final String REJECTED = "RJCT";
    static final String INVALID_FILE_FORMAT = "FF01";
    static final String DUPLICATE_MESSAGE = "DU01";
    static final String WRONG_COUNT = "AM18";
    static final String WRONG_CONTROL_SUM = "AM10";

    private static final Logger LOG = Logger.getLogger(CreditTransferDesk.class);

    private final Iso20022Schema schema = Iso20022Schema.pain001();
    private final Map<String, ReceivedFile> received = new ConcurrentHashMap<>();

    @Inject
    BankConfig config;

    private AccountRules rules;
    private FileJournal journal;

    @PostConstruct
    void replay() {
        config.dataDir().ifPresent(dir -> {
            journal = new FileJournal(Path.of(dir));
            journal.replay(received);
            LOG.infof("Recognises %d files received before this start (%s)", received.size(), dir);
        });
    }

    AccountRules rules() {
        if (rules == null) {
            rules = AccountRules.of(config);
        }
        return rules;
    }

    /** Takes a file and returns the status report for it. */
    public String receive(String xml) {
        List<String> violations = schema.violations(xml);
        if (!violations.isEmpty()) {
            LOG.warnf("Rejected a file that breaks the pain.001 schema: %s", violations.get(0));
            return groupRejection(messageIdOf(xml), null, INVALID_FILE_FORMAT, violations.get(0));
        }
        MxPain00100109 file = MxPain00100109.parse(xml);
        String messageId = file.getCstmrCdtTrfInitn().getGrpHdr().getMsgId();
        String digest = sha256(xml);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ReceivedFile known = received.putIfAbsent(messageId, new ReceivedFile(messageId, digest, now));
        ReceivedFile entry = known == null ? received.get(messageId) : known;
        if (!entry.digest().equals(digest)) {
            return groupRejection(messageId, file, DUPLICATE_MESSAGE,
                    "A different file with this message id was received at " + entry.receivedAt());
        }
        boolean first = entry.deliveries().incrementAndGet() == 1;
        Optional<String[]> wrongFigures = controlFigures(file);
        String report = wrongFigures.isPresent()
                ? groupRejection(messageId, file, wrongFigures.get()[0], wrongFigures.get()[1])
                : report(file, entry);
        if (journal != null) {
            // On disk before the report leaves: a client that has the report can count on the bank knowing the file.
            if (first) {
                journal.received(entry, xml.getBytes(StandardCharsets.UTF_8));
            } else {
                journal.delivered(entry);
            }
        }
        return report;
    }

    public Collection<ReceivedFile> received() {
        return received.values();
    }

    private String report(MxPain00100109 file, ReceivedFile entry) {
        var initiation = file.getCstmrCdtTrfInitn();
        int accepted = 0;
        int rejected = 0;
        long acceptedCents = 0;
        CustomerPaymentStatusReportV10 report = new CustomerPaymentStatusReportV10();
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            OriginalPaymentInstruction32 status = new OriginalPaymentInstruction32()
                    .setOrgnlPmtInfId(instruction.getPmtInfId())
                    .setOrgnlNbOfTxs(instruction.getNbOfTxs())
                    .setOrgnlCtrlSum(instruction.getCtrlSum());
            int instructionRejected = 0;
            for (CreditTransferTransaction34 transfer : instruction.getCdtTrfTxInf()) {
                Optional<String> rejection = rules().rejection(transfer.getCdtrAcct().getId().getIBAN());
                PaymentTransaction105 tx = new PaymentTransaction105()
                        .setStsId(statusId(transfer.getPmtId().getInstrId()))
                        .setOrgnlInstrId(transfer.getPmtId().getInstrId())
                        .setOrgnlEndToEndId(transfer.getPmtId().getEndToEndId())
                        .setTxSts(rejection.isPresent() ? REJECTED : SETTLED)
                        .setAccptncDtTm(entry.receivedAt());
                if (rejection.isPresent()) {
                    tx.addStsRsnInf(reason(rejection.get(), null));
                    rejected++;
                    instructionRejected++;
                } else {
                    accepted++;
                    acceptedCents += transfer.getAmt().getInstdAmt().getValue().movePointRight(2).longValueExact();
                }
                status.addTxInfAndSts(tx);
            }
            status.setPmtInfSts(groupStatus(instruction.getCdtTrfTxInf().size() - instructionRejected, instructionRejected));
            report.addOrgnlPmtInfAndSts(status);
        }
        entry.record(accepted, rejected, acceptedCents);
        report.setGrpHdr(header(initiation.getGrpHdr().getMsgId(), entry.receivedAt()));
        report.setOrgnlGrpInfAndSts(original(file).setGrpSts(groupStatus(accepted, rejected)));
        LOG.infof("File %s: %d credited, %d rejected", entry.messageId(), accepted, rejected);
        return write(report);
    }

    private String groupRejection(String messageId, MxPain00100109 file, String code, String text) {
        OriginalGroupHeader17 original = file == null
                ? new OriginalGroupHeader17().setOrgnlMsgId(messageId).setOrgnlMsgNmId(PAIN_001)
                : original(file);
        original.setGrpSts(REJECTED).addStsRsnInf(reason(code, text));
        CustomerPaymentStatusReportV10 report = new CustomerPaymentStatusReportV10()
                .setGrpHdr(header(messageId + code, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)))
                .setOrgnlGrpInfAndSts(original);
        return write(report);
    }

    private OriginalGroupHeader17 original(MxPain00100109 file) {
        var header = file.getCstmrCdtTrfInitn().getGrpHdr();
        return new OriginalGroupHeader17()
                .setOrgnlMsgId(header.getMsgId())
                .setOrgnlMsgNmId(PAIN_001)
                .setOrgnlCreDtTm(header.getCreDtTm())
                .setOrgnlNbOfTxs(header.getNbOfTxs())
                .setOrgnlCtrlSum(header.getCtrlSum());
    }

    private GroupHeader86 header(String seed, OffsetDateTime createdAt) {
        return new GroupHeader86()
                .setMsgId("STS" + sha256(seed).substring(0, 32))
                .setCreDtTm(createdAt)
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(config.bic())));
    }

    private static StatusReasonInformation12 reason(String code, String text) {
        StatusReasonInformation12 reason = new StatusReasonInformation12().setRsn(new StatusReason6Choice().setCd(code));
        if (text != null && !text.isBlank()) {
            reason.addAddtlInf(text.length() > 105 ? text.substring(0, 105) : text);
        }
        return reason;
    }

    /** NbOfTxs and CtrlSum of the group and of each instruction must match the transfers (ISO 20022 rules). */
    private static Optional<String[]> controlFigures(MxPain00100109 file) {
        var initiation = file.getCstmrCdtTrfInitn();
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (PaymentInstruction30 instruction : initiation.getPmtInf()) {
            BigDecimal instructionSum = instruction.getCdtTrfTxInf().stream()
                    .map(t -> t.getAmt().getInstdAmt().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (instruction.getNbOfTxs() != null
                    && Long.parseLong(instruction.getNbOfTxs()) != instruction.getCdtTrfTxInf().size()) {
                return Optional.of(new String[] { WRONG_COUNT, "NbOfTxs of " + instruction.getPmtInfId() + " is wrong" });
            }
            if (instruction.getCtrlSum() != null && instruction.getCtrlSum().compareTo(instructionSum) != 0) {
                return Optional
                        .of(new String[] { WRONG_CONTROL_SUM, "CtrlSum of " + instruction.getPmtInfId() + " is wrong" });
            }
            count += instruction.getCdtTrfTxInf().size();
            sum = sum.add(instructionSum);
        }
        if (Long.parseLong(initiation.getGrpHdr().getNbOfTxs()) != count) {
            return Optional.of(new String[] { WRONG_COUNT, "Group NbOfTxs " + initiation.getGrpHdr().getNbOfTxs()
                    + " but the file holds " + count + " transfers" });
        }
        if (initiation.getGrpHdr().getCtrlSum() != null && initiation.getGrpHdr().getCtrlSum().compareTo(sum) != 0) {
            return Optional.of(new String[] { WRONG_CONTROL_SUM, "Group CtrlSum " + initiation.getGrpHdr().getCtrlSum()
                    + " but the transfers add up to " + sum });
        }
        return Optional.empty();
    }

    private static String groupStatus(int accepted, int rejected) {
        if (rejected == 0) {
            return SETTLED;
        }
        return accepted == 0 ? REJECTED : PARTIALLY_ACCEPTED;
    }

    private static String statusId(String instructionId) {
        return "S" + sha256(String.valueOf(instructionId)).substring(0, 34);
    }

    private static String write(CustomerPaymentStatusReportV10 report) {
        MxPain00200110 message = new MxPain00200110().setCstmrPmtStsRpt(report);
        MxWriteConfiguration write = new MxWriteConfiguration();
        write.documentPrefix = null;
        return message.message(write);
    }

    /** The message id of a file that may not even be valid, for the report's reference. */
    private static String messageIdOf(String xml) {
        int start = xml.indexOf("<MsgId>");
        int end = xml.indexOf("</MsgId>");
        if (start < 0 || end < start) {
            return "NOTPROVIDED";
        }
        String id = xml.substring(start + 7, end).trim();
        return id.isEmpty() || id.length() > 35 ? "NOTPROVIDED" : id;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
