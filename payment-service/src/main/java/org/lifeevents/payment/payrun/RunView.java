package org.lifeevents.payment.payrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment run as caseworkers, auditors and operators see it, with figures that must reconcile. */
public record RunView(UUID runId, LocalDate runDate, String status, String startedBy, Instant startedAt,
        Instant completedAt, long paymentCount, int fileCount, long grossCents, long offsetCents, long controlSumCents,
        String controlSum, List<BenefitFigures> benefits, List<FileFigures> files, Reconciliation reconciliation,
        List<OwedReconciliation.BenefitReconciliation> owedByRecipient) {

    /** Per benefit: how many payments and how much, and what became of them. */
    public record BenefitFigures(String benefit, long payments, long grossCents, long offsetCents, long sentCents,
            long settledPayments, long settledCents, long failedPayments, long failedCents, long pendingPayments) {
    }

    /**
     * One pain.001 file of the run, with the SHA-256 of the bytes sent and of the status report imported
     * ({@code GET /runs/{id}/files/{n}} and {@code .../status-report} give them).
     */
    public record FileFigures(int fileNo, String messageId, String status, int nbOfTxs, long ctrlSumCents,
            Instant sentAt, Instant reportedAt, String groupStatus, int settled, int failed, String pain001Digest,
            String pain002Digest) {
    }

    /**
     * The run's checks: the control sum equals the sum of its files' control sums and of the amounts of the payments in
     * them; gross equals what was sent plus what was offset; no payment of the run is in a file of another run.
     */
    public record Reconciliation(long sumOfFileControlSums, long sumOfPaymentAmountsInFiles, long paymentsInFiles,
            long grossOfPayments, long offsetsOfPayments, boolean reconciled) {
    }

    static RunView summary(PaymentRun run) {
        return of(run, null, null, null, null);
    }

    /**
     * @param owedByRecipient for the entitlements the run paid, per benefit: owed against paid per entitlement and
     *        recipient, as {@code GET /reconciliation} compares them (money paid to the wrong person does not cancel
     *        out), as of the run's completion, when it was computed once and kept; null before
     */
    static RunView of(PaymentRun run, List<BenefitFigures> benefits, List<FileFigures> files,
            Reconciliation reconciliation, List<OwedReconciliation.BenefitReconciliation> owedByRecipient) {
        return new RunView(run.runId, run.runDate, run.status, run.startedBy, run.startedAt, run.completedAt,
                run.paymentCount, run.fileCount, run.grossCents, run.offsetCents, run.controlSumCents,
                org.lifeevents.common.money.Cents.toEuros(run.controlSumCents).toPlainString(), benefits, files,
                reconciliation, owedByRecipient);
    }
}
