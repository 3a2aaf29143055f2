package org.lifeevents.payment.payrun;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reads runs with their figures, computed by the database over the run's payments (no run is loaded into memory). Each
 * read is one transaction, so the figures are one consistent snapshot and never a cached, older state of the run.
 */
@ApplicationScoped
@Transactional
public class RunReports {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentRuns runs;

    @Inject
    OwedReconciliation owed;

    public List<RunView> latest(int limit) {
        return PaymentRun.<PaymentRun> find("order by startedAt desc").page(0, limit).list().stream()
                .map(RunView::summary).toList();
    }

    public RunView detail(UUID runId) {
        PaymentRun run = runs.get(runId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select benefit, count(*), sum(gross_cents), sum(offset_cents),
                       coalesce(sum(amount_cents) filter (where status in ('SENT', 'SETTLED', 'FAILED')), 0),
                       count(*) filter (where status in ('SETTLED', 'OFFSET')),
                       coalesce(sum(amount_cents) filter (where status = 'SETTLED'), 0),
                       count(*) filter (where status = 'FAILED'),
                       coalesce(sum(amount_cents) filter (where status = 'FAILED'), 0),
                       count(*) filter (where status in ('IN_RUN', 'SENT'))
                from payment where run_id = ?1 group by benefit order by benefit
                """).setParameter(1, runId).getResultList();
        List<RunView.BenefitFigures> benefits = rows.stream().map(r -> new RunView.BenefitFigures((String) r[0],
                n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]))).toList();
        List<RunView.FileFigures> files = PaymentFile.<PaymentFile> find("runId = ?1 order by fileNo", runId).list()
                .stream().map(f -> new RunView.FileFigures(f.fileNo, f.messageId, f.status, f.nbOfTxs, f.ctrlSumCents,
                        f.sentAt, f.reportedAt, f.groupStatus, f.settledCount, f.failedCount, f.pain001Digest,
                        f.pain002Digest))
                .toList();
        Object[] check = (Object[]) entityManager.createNativeQuery("""
                select coalesce((select sum(ctrl_sum_cents) from payment_file where run_id = ?1), 0),
                       coalesce(sum(p.amount_cents) filter (where p.file_id is not null), 0),
                       count(*) filter (where p.file_id is not null),
                       coalesce(sum(p.gross_cents), 0), coalesce(sum(p.offset_cents), 0),
                       count(*) filter (where p.file_id is not null and not exists
                            (select 1 from payment_file f where f.file_id = p.file_id and f.run_id = ?1))
                from payment p where p.run_id = ?1
                """).setParameter(1, runId).getSingleResult();
        long fileSums = n(check[0]);
        long inFiles = n(check[1]);
        long gross = n(check[3]);
        long offsets = n(check[4]);
        boolean reconciled = fileSums == run.controlSumCents && inFiles == run.controlSumCents
                && gross == run.grossCents && offsets == run.offsetCents && gross == inFiles + offsets
                && n(check[5]) == 0;
        RunView.Reconciliation checks = new RunView.Reconciliation(fileSums, inFiles, n(check[2]), gross, offsets,
                reconciled);
        // Kept when the run completed: the comparison reads every entitlement the run paid (a million in a monthly run),
        // more than one request's transaction may take; null until then.
        return RunView.of(run, benefits, files, checks, owed.keptForRun(runId).orElse(null));
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
