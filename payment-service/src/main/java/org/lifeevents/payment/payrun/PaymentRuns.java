package org.lifeevents.payment.payrun;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.archive.FileArchive;
import org.lifeevents.payment.recovery.RecoveryService;
import org.lifeevents.payment.schedule.Payment;
import org.lifeevents.payment.schedule.PaymentEvents;

/**
 * The steps of a payment run, each one transaction. The step that matters most is {@link #assignBatch}: it takes the
 * next due payments, marks them as the run's, offsets recovery claims, and records the file they form, all in one
 * transaction. So a payment is in a file exactly when the file exists, is never in two files (it leaves the scheduled
 * state as it is taken, and rows being re-planned are skipped), and a crash loses or repeats nothing: the next batch
 * starts after the run's committed cursor. Reads run in a transaction of their own too, so a caller's long-lived
 * persistence context never serves a run's state from before its last step.
 */
@ApplicationScoped
@Transactional
public class PaymentRuns {

    static final UUID START = new UUID(0, 0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfig config;

    @Inject
    RecoveryService recovery;

    @Inject
    PaymentEvents events;

    @Inject
    FileArchive archive;

    @Inject
    Clock clock;

    /** Starts a run for today; refused while another run is unfinished (it must be resumed first). */
    public PaymentRun start(String startedBy, Integer maxPerFile) {
        Optional<PaymentRun> open = unfinished();
        if (open.isPresent()) {
            throw ProblemException.conflict("run_unfinished", "Run " + open.get().runId
                    + " is not finished; resume it (POST /runs/" + open.get().runId + "/resume) before starting another.");
        }
        PaymentRun run = new PaymentRun();
        run.runId = UUID.randomUUID();
        run.runDate = LocalDate.now(clock);
        run.status = PaymentRun.ASSIGNING;
        run.startedBy = startedBy;
        run.startedAt = clock.instant();
        run.assignCursor = START;
        run.maxPerFile = maxPerFile == null ? config.run().maxPaymentsPerFile() : maxPerFile;
        run.persist();
        // The partial unique index allows one unfinished run; a concurrent start fails here, not later.
        entityManager.flush();
        return run;
    }

    public Optional<PaymentRun> unfinished() {
        return PaymentRun.find("status <> ?1", PaymentRun.COMPLETED).firstResultOptional();
    }

    public PaymentRun get(UUID runId) {
        PaymentRun run = PaymentRun.findById(runId);
        if (run == null) {
            throw ProblemException.notFound("run_not_found", "There is no payment run " + runId + ".");
        }
        return run;
    }

    /**
     * Assigns the next batch of due payments to a new file of the run. Returns how many payments it took; 0 means
     * everything due is assigned and the run moves on to sending. The creditor's account and name are read with the
     * payments picked, by their keys: joined to the update instead, the planner hashed every payout account of the
     * country for each file. The picked ids are also given to the update as an array: joined to the picked rows
     * alone, the update read and hashed every payment of the table for each file (a seq scan of the whole table per
     * 5,000 payments, which is why assigning a million took 17 times as long as a hundred thousand).
     */
    public int assignBatch(UUID runId) {
        PaymentRun run = entityManager.find(PaymentRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (!PaymentRun.ASSIGNING.equals(run.status)) {
            return 0;
        }
        UUID fileId = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<UUID> taken = entityManager.createNativeQuery("""
                with picked as (
                    select p.payment_id, a.iban, per.display_name from payment p
                    join payout_account a on a.person_id = p.recipient_id
                    left join person per on per.person_id = p.recipient_id
                    where p.run_id is null and p.status = 'SCHEDULED' and p.due_date <= ?1 and p.payment_id > ?2
                      and not exists (select 1 from person d where d.person_id = p.recipient_id
                            and d.date_of_death is not null
                            and p.period_start >= (date_trunc('month', d.date_of_death) + interval '1 month')::date)
                    order by p.payment_id
                    limit ?3
                    for update of p skip locked)
                update payment p
                set status = 'IN_RUN', run_id = ?4, file_id = ?5, creditor_iban = picked.iban,
                    creditor_name = coalesce(picked.display_name, 'Benefit recipient'), updated_at = ?6
                from picked
                where p.payment_id = picked.payment_id
                  and p.payment_id = any(array(select payment_id from picked))
                returning p.payment_id
                """, UUID.class)
                .setParameter(1, run.runDate)
                .setParameter(2, run.assignCursor)
                .setParameter(3, run.maxPerFile)
                .setParameter(4, runId)
                .setParameter(5, fileId)
                .setParameter(6, clock.instant())
                .getResultList();
        if (taken.isEmpty()) {
            run.status = PaymentRun.SENDING;
            return 0;
        }
        run.assignCursor = taken.stream().max(PaymentRuns::inDatabaseOrder).orElseThrow();
        recovery.offsetFile(runId, fileId);
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                select count(*) filter (where status = 'IN_RUN'),
                       coalesce(sum(amount_cents) filter (where status = 'IN_RUN'), 0),
                       coalesce(sum(gross_cents), 0), coalesce(sum(offset_cents), 0)
                from payment where file_id = ?1
                """).setParameter(1, fileId).getSingleResult();
        // Payments paid in full by offsets belong to the run but to no file.
        entityManager.createNativeQuery("update payment set file_id = null where file_id = ?1 and status = 'OFFSET'")
                .setParameter(1, fileId).executeUpdate();
        int inFile = ((Number) totals[0]).intValue();
        long controlSum = ((Number) totals[1]).longValue();
        run.paymentCount += taken.size();
        run.grossCents += ((Number) totals[2]).longValue();
        run.offsetCents += ((Number) totals[3]).longValue();
        if (inFile > 0) {
            PaymentFile file = new PaymentFile();
            file.fileId = fileId;
            file.runId = runId;
            file.fileNo = run.fileCount + 1;
            file.messageId = "LEB" + run.runDate.format(DAY) + "-" + runId.toString().substring(0, 8) + "-"
                    + String.format("%05d", file.fileNo);
            file.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            file.status = PaymentFile.ASSEMBLED;
            file.nbOfTxs = inFile;
            file.ctrlSumCents = controlSum;
            file.persist();
            run.fileCount = file.fileNo;
            run.controlSumCents += controlSum;
        }
        return taken.size();
    }

    /**
     * PostgreSQL's order of uuids: their bytes unsigned, most significant first. {@link UUID#compareTo} compares the
     * halves as signed numbers, so its maximum of a batch that straddles 80000000-... is not the database's, and the
     * cursor would fall behind the batch (harmless, the taken rows are no longer scheduled, but read again).
     */
    static int inDatabaseOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The files of the run whose status report is still to be imported, in order. */
    public List<UUID> filesToSend(UUID runId) {
        return entityManager.createQuery(
                "select fileId from PaymentFile where runId = ?1 and status <> ?2 order by fileNo", UUID.class)
                .setParameter(1, runId).setParameter(2, PaymentFile.REPORTED).getResultList();
    }

    /**
     * Records that the bank took the file: its payments are sent, and each is announced once; the bytes it took are
     * archived under their digest. Returns how many payments it recorded as sent (0 when the file was recorded before).
     */
    public int markSent(UUID fileId, Instant sentAt, byte[] pain001) {
        PaymentFile file = entityManager.find(PaymentFile.class, fileId, LockModeType.PESSIMISTIC_WRITE);
        if (!PaymentFile.ASSEMBLED.equals(file.status)) {
            return 0;
        }
        file.status = PaymentFile.SENT;
        file.sentAt = sentAt;
        file.pain001Digest = archive.keep(pain001);
        // One statement for the file's payments; its returning rows become the file's few events (no entity is
        // loaded), which the outbox writes in one insert at commit.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update payment set status = 'SENT', sent_at = ?, updated_at = ?
                    where file_id = ? and status = 'IN_RUN'
                    returning payment_id, entitlement_id, benefit, recipient_id, period_start, period_end, amount_cents,
                              correlation_id, entitlement_version, gross_cents, refund_of_claim
                    """)) {
                update.setTimestamp(1, Timestamp.from(sentAt));
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setObject(3, fileId);
                List<Payment> sent = new ArrayList<>();
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
                        payment.entitlementVersion = rs.getLong(9);
                        payment.grossCents = rs.getLong(10);
                        payment.refundOfClaim = rs.getObject(11, UUID.class);
                        sent.add(payment);
                    }
                }
                events.sent(sent, file.runId, file.messageId, sentAt);
                return sent.size();
            }
        });
    }

    /** Completes the run once every file's status report is in. */
    public PaymentRun complete(UUID runId) {
        PaymentRun run = entityManager.find(PaymentRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        long open = PaymentFile.count("runId = ?1 and status <> ?2", runId, PaymentFile.REPORTED);
        if (PaymentRun.SENDING.equals(run.status) && open == 0) {
            run.status = PaymentRun.COMPLETED;
            run.completedAt = clock.instant();
        }
        return run;
    }
}
