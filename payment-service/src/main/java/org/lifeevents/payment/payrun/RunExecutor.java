package org.lifeevents.payment.payrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.payment.bank.BankClient;
import org.lifeevents.payment.bank.Pain001Writer;
import org.lifeevents.payment.bank.StatusReportImporter;
import org.lifeevents.payment.payrun.RunStages.Stage;
import org.lifeevents.payment.schedule.ScheduleExtension;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Drives a run through its steps until it is complete, from wherever it stands: assign what is due to files, then for
 * each file not yet reported build it, validate it, hand it to the bank, record it as sent and import the bank's status
 * report. Files are written from a read-only cursor and validated as they are written, several ahead in parallel.
 * Each step is its own transaction on durable state, so a run that crashed anywhere is resumed by executing it
 * again. One executor at a time per database (an advisory lock), whatever the number of service instances.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);
    private static final String LOCK = "payment-run";
    private static final AtomicInteger WRITER_NO = new AtomicInteger();
    private static final ThreadFactory WRITER_THREADS = task -> {
        Thread thread = new Thread(task, "pain001-writer-" + WRITER_NO.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaymentRuns runs;

    @Inject
    ScheduleExtension extension;

    @Inject
    Pain001Writer writer;

    @Inject
    BankClient bank;

    @Inject
    StatusReportImporter importer;

    @Inject
    RunCrashPoints crashPoints;

    @Inject
    Clock clock;

    @Inject
    Instance<MeterRegistry> meters;

    /** Executes (or resumes) the run to completion; refused while another executor holds the run lock. */
    @ActivateRequestContext
    public PaymentRun execute(UUID runId) {
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                throw ProblemException.conflict("run_busy", "A payment run is being executed right now.");
            }
            try {
                MDC.put("runId", runId.toString());
                return steps(runId);
            } finally {
                MDC.remove("runId");
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the run lock", e);
        }
    }

    private PaymentRun steps(UUID runId) {
        long started = System.nanoTime();
        RunStages stages = new RunStages();
        PaymentRun run = runs.get(runId);
        if (PaymentRun.ASSIGNING.equals(run.status)) {
            long planning = System.nanoTime();
            stages.add(Stage.PLAN, planning, extension.extendAll());
            long assigning = System.nanoTime();
            long assignedInAll = 0;
            int assigned;
            while ((assigned = runs.assignBatch(runId)) > 0) {
                LOG.debugf("Run %s assigned %d payments", runId, assigned);
                assignedInAll += assigned;
                crashPoints.reached(RunCrashPoints.AFTER_ASSIGNING_A_FILE);
            }
            stages.add(Stage.ASSIGN, assigning, assignedInAll);
        }
        List<UUID> files = runs.filesToSend(runId);
        // Files are written (and validated) ahead on other threads, only reading; they are still sent, recorded and
        // imported one at a time in order, so the crash points and the resume keep their meaning.
        int ahead = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService writers = Executors.newFixedThreadPool(ahead, WRITER_THREADS);
        try {
            Deque<Future<byte[]>> written = new ArrayDeque<>();
            int next = 0;
            for (UUID fileId : files) {
                while (next < files.size() && written.size() <= ahead) {
                    UUID toWrite = files.get(next++);
                    written.add(writers.submit(() -> {
                        long writing = System.nanoTime();
                        byte[] bytes = writer.bytes(toWrite);
                        stages.add(Stage.WRITE, writing, 1);
                        return bytes;
                    }));
                }
                long waiting = System.nanoTime();
                byte[] pain001 = await(written.poll());
                stages.add(Stage.AWAIT_WRITE, waiting, 1);
                long sending = System.nanoTime();
                byte[] pain002 = bank.send(pain001);
                stages.add(Stage.SEND, sending, 1);
                crashPoints.reached(RunCrashPoints.AFTER_BANK_TOOK_FILE);
                long recording = System.nanoTime();
                stages.add(Stage.RECORD_SENT, recording, runs.markSent(fileId, clock.instant(), pain001));
                crashPoints.reached(RunCrashPoints.AFTER_FILE_MARKED_SENT);
                long importing = System.nanoTime();
                StatusReportImporter.Outcome outcome = importer.importReport(pain002);
                stages.add(Stage.IMPORT, importing, outcome.settled() + outcome.failed());
            }
        } finally {
            writers.shutdownNow();
        }
        PaymentRun done = runs.complete(runId);
        stages.add(Stage.TOTAL, started, done.paymentCount);
        stages.report(runId, meters.isResolvable() ? meters.get() : null);
        LOG.infof("Run %s is %s: %d payments, %d files, control sum %d cents", runId, done.status, done.paymentCount,
                done.fileCount, done.controlSumCents);
        return done;
    }

    private static byte[] await(Future<byte[]> file) {
        try {
            return file.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a file was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            statement.setString(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, LOCK);
            statement.execute();
        } catch (SQLException e) {
            // the lock goes with the connection anyway
        }
    }
}
