package org.lifeevents.payment.bank;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.iso20022.InvalidMessageException;
import org.lifeevents.iso20022.Iso20022Schema;
import org.lifeevents.iso20022.StatusReport;
import org.lifeevents.iso20022.StatusReportReader;
import org.lifeevents.payment.archive.FileArchive;
import org.lifeevents.payment.payrun.PaymentFile;
import org.lifeevents.payment.schedule.Payment;
import org.lifeevents.payment.schedule.PaymentEvents;

import com.prowidesoftware.swift.model.mx.MxPain00200110;

import io.agroal.api.AgroalDataSource;

/**
 * Imports a pain.002.001.10 status report: each transfer the bank settled becomes SETTLED, each it rejected FAILED
 * with the bank's reason code (eligibility opens a case from the event; for MD07 a death check). The report is read as
 * a stream and validated in the same pass; the file's payments change in two set-based statements (settled, failed),
 * not one statement or one row lock per payment, and their events go to the outbox in one insert at commit.
 * Idempotent: only a payment still waiting for its outcome changes, so the same report imported twice changes nothing
 * the second time.
 */
@ApplicationScoped
@Transactional
public class StatusReportImporter {

    /** Transaction statuses that mean the money reached the creditor's account. */
    static final Set<String> SETTLED = Set.of("ACSC", "ACCC");
    static final String REJECTED = "RJCT";
    /** The bank already has a file with this message id: its report stands, this answer changes nothing. */
    static final String DUPLICATE = "DU01";

    private static final Logger LOG = Logger.getLogger(StatusReportImporter.class);
    private static final String RETURNING = """
            returning p.payment_id, p.entitlement_id, p.benefit, p.recipient_id, p.period_start, p.period_end,
                      p.amount_cents, p.correlation_id, p.reason_code, p.reason_text, p.entitlement_version,
                      p.gross_cents, p.refund_of_claim
            """;

    private final Iso20022Schema schema = Iso20022Schema.of(MxPain00200110.class);

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaymentEvents events;

    @Inject
    FileArchive archive;

    @Inject
    Clock clock;

    /** What an import did. */
    public record Outcome(String originalMessageId, String groupStatus, int settled, int failed, int unchanged) {
    }

    public Outcome importReport(String xml) {
        return importReport(xml.getBytes(StandardCharsets.UTF_8));
    }

    public Outcome importReport(byte[] xml) {
        StatusReport report;
        try {
            report = StatusReportReader.read(schema, new ByteArrayInputStream(xml));
        } catch (InvalidMessageException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("pain002", "invalid_pain002",
                    "is not a valid pain.002.001.10 document: " + e.violations().get(0))));
        }
        PaymentFile file = entityManager.createQuery("from PaymentFile where messageId = ?1", PaymentFile.class)
                .setParameter(1, report.originalMessageId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("unknown_message", "The report is about message "
                        + report.originalMessageId() + ", which no payment run sent.", List.of()));
        Instant now = clock.instant();
        file.pain002Digest = archive.keep(xml);
        if (REJECTED.equals(report.groupStatus()) && DUPLICATE.equals(report.groupReason())) {
            LOG.warnf("The bank reports file %s as a duplicate; its first report stands", file.messageId);
            return new Outcome(file.messageId, report.groupStatus(), 0, 0, file.nbOfTxs);
        }
        List<UUID> settledIds = new ArrayList<>();
        List<UUID> failedIds = new ArrayList<>();
        List<String> failedCodes = new ArrayList<>();
        List<String> failedTexts = new ArrayList<>();
        int named = report.transactions().size();
        if (named == 0 && REJECTED.equals(report.groupStatus())) {
            // The whole file was refused (e.g. FF01): none of its payments was made.
            failedIds = null;
        } else {
            for (StatusReport.Transaction tx : report.transactions()) {
                UUID paymentId = Pain001Writer.paymentId(tx.originalInstructionId());
                if (paymentId == null) {
                    LOG.warnf("Report of %s names transfer %s, which is not ours", file.messageId,
                            tx.originalInstructionId());
                } else if (SETTLED.contains(tx.status())) {
                    settledIds.add(paymentId);
                } else if (REJECTED.equals(tx.status())) {
                    failedIds.add(paymentId);
                    failedCodes.add(tx.reason() == null ? "NARR" : tx.reason());
                    failedTexts.add(tx.reasonText());
                }
            }
        }
        int settled;
        int failed;
        try (Connection connection = dataSource.getConnection()) {
            settled = settle(connection, file, settledIds, now);
            failed = failedIds == null
                    ? failAll(connection, file.fileId, report.groupReason(), report.groupReasonText(), now)
                    : fail(connection, file.fileId, failedIds, failedCodes, failedTexts, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the outcome of file " + file.messageId, e);
        }
        file.settledCount += settled;
        file.failedCount += failed;
        file.groupStatus = report.groupStatus();
        if (!PaymentFile.REPORTED.equals(file.status)) {
            file.status = PaymentFile.REPORTED;
            file.reportedAt = now;
        }
        LOG.infof("Status report for %s: %d settled, %d failed", file.messageId, settled, failed);
        int unchanged = failedIds == null ? 0 : named - settled - failed;
        return new Outcome(file.messageId, report.groupStatus(), settled, failed, Math.max(unchanged, 0));
    }

    private int settle(Connection connection, PaymentFile file, List<UUID> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update payment p set status = 'SETTLED', settled_at = ?, updated_at = ?
                where p.file_id = ? and p.payment_id = any(?) and p.status in ('IN_RUN', 'SENT')
                """ + RETURNING)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setObject(3, file.fileId);
            update.setArray(4, connection.createArrayOf("uuid", ids.toArray()));
            List<Payment> settled = new ArrayList<>();
            announce(update, settled::add);
            // the file's settled payments in a few events, not one each: a report of thousands is one outbox insert
            events.settled(settled, file.messageId, now);
            return settled.size();
        }
    }

    private int fail(Connection connection, UUID fileId, List<UUID> ids, List<String> codes, List<String> texts,
            Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update payment p set status = 'FAILED', reason_code = f.code, reason_text = f.text, updated_at = ?
                from unnest(?::uuid[], ?::text[], ?::text[]) as f(id, code, text)
                where p.payment_id = f.id and p.file_id = ? and p.status in ('IN_RUN', 'SENT')
                """ + RETURNING)) {
            Array idArray = connection.createArrayOf("uuid", ids.toArray());
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, idArray);
            update.setArray(3, connection.createArrayOf("text", codes.toArray()));
            update.setArray(4, connection.createArrayOf("text", texts.toArray()));
            update.setObject(5, fileId);
            return announce(update, payment -> events.failed(payment, payment.reasonCode, payment.reasonText, now));
        }
    }

    private int failAll(Connection connection, UUID fileId, String code, String text, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update payment p set status = 'FAILED', reason_code = ?, reason_text = ?, updated_at = ?
                where p.file_id = ? and p.status in ('IN_RUN', 'SENT')
                """ + RETURNING)) {
            update.setString(1, code == null ? "NARR" : code);
            update.setString(2, text);
            update.setTimestamp(3, Timestamp.from(now));
            update.setObject(4, fileId);
            return announce(update, payment -> events.failed(payment, payment.reasonCode, payment.reasonText, now));
        }
    }

    /** Each changed payment, from the row the update returned (no entity is loaded), to its announcement. */
    private static int announce(PreparedStatement update, java.util.function.Consumer<Payment> event)
            throws SQLException {
        int changed = 0;
        try (ResultSet rs = update.executeQuery()) {
            while (rs.next()) {
                Payment payment = new Payment();
                payment.paymentId = rs.getObject(1, UUID.class);
                payment.entitlementId = rs.getObject(2, UUID.class);
                payment.benefit = rs.getString(3);
                payment.recipientId = rs.getString(4);
                payment.periodStart = rs.getObject(5, LocalDate.class);
                payment.periodEnd = rs.getObject(6, LocalDate.class);
                payment.amountCents = rs.getLong(7);
                payment.correlationId = rs.getString(8);
                payment.reasonCode = rs.getString(9);
                payment.reasonText = rs.getString(10);
                payment.entitlementVersion = rs.getLong(11);
                payment.grossCents = rs.getLong(12);
                payment.refundOfClaim = rs.getObject(13, UUID.class);
                event.accept(payment);
                changed++;
            }
        }
        return changed;
    }
}
