package org.lifeevents.registry.backfill;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.ProblemException;

/** The state of backfill jobs: created, queued, running with committed progress, completed or failed. */
@ApplicationScoped
@Transactional
public class BackfillJobs {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    public BackfillJob create(Path spoolFile, String submittedBy, String correlationId) {
        BackfillJob job = new BackfillJob();
        job.jobId = UUID.randomUUID();
        job.status = BackfillJob.RECEIVING;
        job.spoolFile = spoolFile.toString();
        job.submittedBy = submittedBy;
        job.correlationId = correlationId;
        job.createdAt = clock.instant();
        job.updatedAt = job.createdAt;
        job.persist();
        return job;
    }

    public void received(UUID jobId, long bytes, long lines) {
        BackfillJob job = BackfillJob.findById(jobId);
        job.bytesReceived = bytes;
        job.linesTotal = lines;
        job.status = BackfillJob.QUEUED;
        job.updatedAt = clock.instant();
    }

    /** Marks the job running and returns it (with the number of lines already applied). */
    public BackfillJob start(UUID jobId) {
        BackfillJob job = BackfillJob.findById(jobId);
        job.status = BackfillJob.RUNNING;
        if (job.startedAt == null) {
            job.startedAt = clock.instant();
        }
        job.updatedAt = clock.instant();
        return job;
    }

    /** Adds a chunk's counts; runs in the chunk's transaction, so progress and effects commit together. */
    @Transactional(TxType.MANDATORY)
    public void progress(UUID jobId, long read, long accepted, long skipped, long refused) {
        entityManager.createQuery("""
                update BackfillJob set linesRead = linesRead + ?1, linesAccepted = linesAccepted + ?2,
                    linesSkipped = linesSkipped + ?3, linesRefused = linesRefused + ?4, updatedAt = ?5
                where jobId = ?6""")
                .setParameter(1, read).setParameter(2, accepted).setParameter(3, skipped).setParameter(4, refused)
                .setParameter(5, clock.instant()).setParameter(6, jobId)
                .executeUpdate();
    }

    public void complete(UUID jobId) {
        finish(jobId, BackfillJob.COMPLETED, null);
    }

    public void fail(UUID jobId, String failure) {
        finish(jobId, BackfillJob.FAILED, failure);
    }

    private void finish(UUID jobId, String status, String failure) {
        BackfillJob job = BackfillJob.findById(jobId);
        job.status = status;
        job.failure = failure;
        job.finishedAt = clock.instant();
        job.updatedAt = job.finishedAt;
    }

    /** Jobs that were queued or running when the service stopped. */
    public List<BackfillJob> unfinished() {
        return BackfillJob.list("status in ?1 order by createdAt", List.of(BackfillJob.QUEUED, BackfillJob.RUNNING));
    }

    /** The job's progress and a page of its error report, from the given line on. */
    @Transactional(TxType.SUPPORTS)
    public BackfillView view(UUID jobId, long fromLine, int limit) {
        BackfillJob job = BackfillJob.findById(jobId);
        if (job == null) {
            throw ProblemException.notFound("backfill_job_not_found", "No backfill job " + jobId + ".");
        }
        long errorCount = ((Number) entityManager.createNativeQuery(
                "select count(*) from backfill_error where job_id = ?1").setParameter(1, jobId).getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select line_number, field, code, message from backfill_error
                where job_id = ?1 and line_number >= ?2 order by line_number, id limit ?3""")
                .setParameter(1, jobId).setParameter(2, fromLine).setParameter(3, limit)
                .getResultList();
        List<BackfillView.LineError> errors = rows.stream()
                .map(r -> new BackfillView.LineError(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3]))
                .toList();
        return new BackfillView(job.jobId, job.status, job.bytesReceived, job.linesTotal, job.linesRead,
                job.linesAccepted, job.linesSkipped, job.linesRefused, job.submittedBy, job.createdAt, job.startedAt,
                job.finishedAt, job.failure, errorCount, errors);
    }
}
