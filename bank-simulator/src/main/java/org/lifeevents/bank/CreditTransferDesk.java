package org.lifeevents.bank;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.lifeevents.bank.StatusReportWriter.InstructionOutcome;
import org.lifeevents.bank.StatusReportWriter.Original;
import org.lifeevents.bank.StatusReportWriter.Outcome;
import org.lifeevents.iso20022.InvalidMessageException;
import org.lifeevents.iso20022.Iso20022Schema;

/**
 * Where the simulated bank takes a pain.001 customer credit transfer file and answers with a pain.002 status report.
 * The file is checked against its schema and its control figures; each transfer is credited (ACSC) or rejected with
 * the reason the configured account lists give. The same file sent again gets the same report (the bank recognises
 * the message id), so a client that lost the answer can safely ask again; a different file under a known message id
 * is refused as a duplicate (DU01). The file is read as a stream, validated in the same pass, and the report written
 * as a stream: a file of thousands of transfers costs one parse and no object graph.
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
        return new String(receive(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Takes a file's bytes and returns the status report's bytes. */
    public byte[] receive(byte[] xml) {
        CreditTransferFile file;
        try {
            file = CreditTransferFile.read(schema, new ByteArrayInputStream(xml));
        } catch (InvalidMessageException e) {
            String violation = e.violations().get(0);
            LOG.warnf("Rejected a file that breaks the pain.001 schema: %s", violation);
            return groupRejection(new Original(messageIdOf(xml), null, null, null), INVALID_FILE_FORMAT, violation);
        }
        String messageId = file.messageId();
        String digest = sha256(xml);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ReceivedFile known = received.putIfAbsent(messageId, new ReceivedFile(messageId, digest, now));
        ReceivedFile entry = known == null ? received.get(messageId) : known;
        if (!entry.digest().equals(digest)) {
            return groupRejection(original(file), DUPLICATE_MESSAGE,
                    "A different file with this message id was received at " + entry.receivedAt());
        }
        boolean first = entry.deliveries().incrementAndGet() == 1;
        Optional<String[]> wrongFigures = controlFigures(file);
        byte[] report = wrongFigures.isPresent()
                ? groupRejection(original(file), wrongFigures.get()[0], wrongFigures.get()[1])
                : report(file, entry);
        if (journal != null) {
            // On disk before the report leaves: a client that has the report can count on the bank knowing the file.
            if (first) {
                journal.received(entry, xml);
            } else {
                journal.delivered(entry);
            }
        }
        return report;
    }

    public Collection<ReceivedFile> received() {
        return received.values();
    }

    private byte[] report(CreditTransferFile file, ReceivedFile entry) {
        int accepted = 0;
        int rejected = 0;
        long acceptedCents = 0;
        List<InstructionOutcome> instructions = new ArrayList<>(file.instructions().size());
        for (CreditTransferFile.Instruction instruction : file.instructions()) {
            List<Outcome> outcomes = new ArrayList<>(instruction.transfers().size());
            int instructionRejected = 0;
            for (CreditTransferFile.Transfer transfer : instruction.transfers()) {
                Optional<String> rejection = rules().rejection(transfer.iban());
                outcomes.add(new Outcome(statusId(transfer.instructionId()), transfer.instructionId(),
                        transfer.endToEndId(), rejection.isPresent() ? REJECTED : SETTLED, rejection.orElse(null)));
                if (rejection.isPresent()) {
                    rejected++;
                    instructionRejected++;
                } else {
                    accepted++;
                    acceptedCents += transfer.amountCents();
                }
            }
            instructions.add(new InstructionOutcome(instruction.id(), instruction.nbOfTxs(),
                    plain(instruction.ctrlSum()), groupStatus(outcomes.size() - instructionRejected, instructionRejected),
                    outcomes));
        }
        entry.record(accepted, rejected, acceptedCents);
        byte[] report = StatusReportWriter.transfers(reportId(file.messageId()), entry.receivedAt(), config.bic(),
                original(file), groupStatus(accepted, rejected), instructions, entry.receivedAt());
        LOG.infof("File %s: %d credited, %d rejected", entry.messageId(), accepted, rejected);
        return report;
    }

    private byte[] groupRejection(Original original, String code, String text) {
        return StatusReportWriter.groupRejection(reportId(original.messageId() + code),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), config.bic(), original, REJECTED,
                code, text);
    }

    private static Original original(CreditTransferFile file) {
        return new Original(file.messageId(), file.createdAt(), file.nbOfTxs(), plain(file.ctrlSum()));
    }

    private static String reportId(String seed) {
        return "STS" + sha256(seed).substring(0, 32);
    }

    /** NbOfTxs and CtrlSum of the group and of each instruction must match the transfers (ISO 20022 rules). */
    private static Optional<String[]> controlFigures(CreditTransferFile file) {
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (CreditTransferFile.Instruction instruction : file.instructions()) {
            BigDecimal instructionSum = instruction.sum();
            if (instruction.nbOfTxs() != null && Long.parseLong(instruction.nbOfTxs()) != instruction.transfers().size()) {
                return Optional.of(new String[] { WRONG_COUNT, "NbOfTxs of " + instruction.id() + " is wrong" });
            }
            if (instruction.ctrlSum() != null && instruction.ctrlSum().compareTo(instructionSum) != 0) {
                return Optional.of(new String[] { WRONG_CONTROL_SUM, "CtrlSum of " + instruction.id() + " is wrong" });
            }
            count += instruction.transfers().size();
            sum = sum.add(instructionSum);
        }
        if (Long.parseLong(file.nbOfTxs()) != count) {
            return Optional.of(new String[] { WRONG_COUNT, "Group NbOfTxs " + file.nbOfTxs()
                    + " but the file holds " + count + " transfers" });
        }
        if (file.ctrlSum() != null && file.ctrlSum().compareTo(sum) != 0) {
            return Optional.of(new String[] { WRONG_CONTROL_SUM, "Group CtrlSum " + plain(file.ctrlSum())
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

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** The message id of a file that may not even be valid, for the report's reference. */
    private static String messageIdOf(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int start = text.indexOf("<MsgId>");
        int end = text.indexOf("</MsgId>");
        if (start < 0 || end < start) {
            return "NOTPROVIDED";
        }
        String id = text.substring(start + 7, end).trim();
        return id.isEmpty() || id.length() > 35 ? "NOTPROVIDED" : id;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
