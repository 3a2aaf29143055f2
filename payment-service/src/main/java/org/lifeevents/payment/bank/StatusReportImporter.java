package org.lifeevents.payment.bank;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.payment.bank.iso20022.Iso20022Schema;
import org.lifeevents.payment.payrun.PaymentFile;
import org.lifeevents.payment.schedule.Payment;
import org.lifeevents.payment.schedule.PaymentEvents;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;

/**
 * Imports a pain.002.001.10 status report: each transfer the bank settled becomes SETTLED, each it rejected FAILED
 * with the bank's reason code (eligibility opens a case from the event; for MD07 a death check). Idempotent: only a
 * payment still waiting for its outcome changes, so the same report imported twice changes nothing the second time.
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

    private final Iso20022Schema schema = Iso20022Schema.of(MxPain00200110.class);

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentEvents events;

    @Inject
    Clock clock;

    /** What an import did. */
    public record Outcome(String originalMessageId, String groupStatus, int settled, int failed, int unchanged) {
    }

    public Outcome importReport(String xml) {
        List<String> violations = schema.violations(xml);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("pain002", "invalid_pain002",
                    "is not a valid pain.002.001.10 document: " + violations.get(0))));
        }
        var report = MxPain00200110.parse(xml).getCstmrPmtStsRpt();
        OriginalGroupHeader17 group = report.getOrgnlGrpInfAndSts();
        PaymentFile file = entityManager.createQuery("from PaymentFile where messageId = ?1", PaymentFile.class)
                .setParameter(1, group.getOrgnlMsgId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("unknown_message", "The report is about message "
                        + group.getOrgnlMsgId() + ", which no payment run sent.", List.of()));
        Instant now = clock.instant();
        String groupReason = reason(group.getStsRsnInf());
        if (REJECTED.equals(group.getGrpSts()) && DUPLICATE.equals(groupReason)) {
            LOG.warnf("The bank reports file %s as a duplicate; its first report stands", file.messageId);
            return new Outcome(file.messageId, group.getGrpSts(), 0, 0, file.nbOfTxs);
        }
        int settled = 0;
        int failed = 0;
        int unchanged = 0;
        boolean perTransaction = report.getOrgnlPmtInfAndSts().stream().anyMatch(p -> !p.getTxInfAndSts().isEmpty());
        if (!perTransaction && REJECTED.equals(group.getGrpSts())) {
            // The whole file was refused (e.g. FF01): none of its payments was made.
            for (Payment payment : waiting(file.fileId)) {
                fail(payment, groupReason, text(group.getStsRsnInf()), now);
                failed++;
            }
        } else {
            // The file's payments in one query, not one per transfer: a file holds thousands.
            Map<UUID, Payment> payments = entityManager.createQuery("from Payment where fileId = ?1", Payment.class)
                    .setParameter(1, file.fileId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                    .collect(Collectors.toMap(p -> p.paymentId, p -> p));
            for (OriginalPaymentInstruction32 instruction : report.getOrgnlPmtInfAndSts()) {
                for (PaymentTransaction105 tx : instruction.getTxInfAndSts()) {
                    UUID paymentId = Pain001Writer.paymentId(tx.getOrgnlInstrId());
                    Payment payment = paymentId == null ? null : payments.get(paymentId);
                    if (payment == null) {
                        LOG.warnf("Report of %s names transfer %s, which is not in that file", file.messageId,
                                tx.getOrgnlInstrId());
                        unchanged++;
                    } else if (!Payment.IN_RUN.equals(payment.status) && !Payment.SENT.equals(payment.status)) {
                        unchanged++;
                    } else if (SETTLED.contains(tx.getTxSts())) {
                        payment.status = Payment.SETTLED;
                        payment.settledAt = now;
                        payment.updatedAt = now;
                        events.settled(payment, now);
                        settled++;
                    } else if (REJECTED.equals(tx.getTxSts())) {
                        fail(payment, reason(tx.getStsRsnInf()), text(tx.getStsRsnInf()), now);
                        failed++;
                    } else {
                        unchanged++;
                    }
                }
            }
        }
        file.settledCount += settled;
        file.failedCount += failed;
        file.groupStatus = group.getGrpSts();
        if (!PaymentFile.REPORTED.equals(file.status)) {
            file.status = PaymentFile.REPORTED;
            file.reportedAt = now;
        }
        LOG.infof("Status report for %s: %d settled, %d failed", file.messageId, settled, failed);
        return new Outcome(file.messageId, group.getGrpSts(), settled, failed, unchanged);
    }

    private List<Payment> waiting(UUID fileId) {
        return entityManager.createQuery("from Payment where fileId = ?1 and status in ('IN_RUN', 'SENT')", Payment.class)
                .setParameter(1, fileId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private void fail(Payment payment, String code, String text, Instant now) {
        payment.status = Payment.FAILED;
        payment.reasonCode = code == null ? "NARR" : code;
        payment.reasonText = text;
        payment.updatedAt = now;
        events.failed(payment, payment.reasonCode, text, now);
    }

    private static String reason(List<StatusReasonInformation12> reasons) {
        return reasons.stream().filter(r -> r.getRsn() != null).map(r -> r.getRsn().getCd() != null ? r.getRsn().getCd()
                : r.getRsn().getPrtry()).findFirst().orElse(null);
    }

    private static String text(List<StatusReasonInformation12> reasons) {
        return reasons.stream().flatMap(r -> r.getAddtlInf().stream()).findFirst().orElse(null);
    }
}
