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
 * Drives a run through its steps until it is complete, from wherever it stands: plan what is behind, assign what is
 * due to files, then for each file not yet reported build it, validate it, hand it to the bank, record it as sent and
 * import the bank's status report, while the current month is planned beside it all. Files are written from a
 * read-only cursor and validated as they are written, several ahead in parallel, and two files are between the bank
 * and the database at a time.
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
    private static final AtomicInteger LANE_NO = new AtomicInteger();
    private static final ThreadFactory LANE_THREADS = task -> {
        Thread thread = new Thread(task, "payment-file-lane-" + LANE_NO.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };
    private static final ThreadFactory PLANNER_THREADS = task -> {
        Thread thread = new Thread(task, "payment-month-planner");
        thread.setDaemon(true);
        return thread;
    };
    /** Files between the bank and the database at once. */
    static final int LANES = 2;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaymentRuns runs;

    @Inject
    OwedReconciliation owed;

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

    /**
     * The run's steps. What is behind is planned first, since it can be due today; the current month is planned on a
     * thread of its own beside everything else (its payments are due next month, so this run never takes one), and the
     * run completes only once it is planned. A resumed run plans the month again: whatever a crash left unplanned is
     * planned then, and what was planned is skipped.
     */
    private PaymentRun steps(UUID runId) {
        long started = System.nanoTime();
        RunStages stages = new RunStages();
        PaymentRun run = runs.get(runId);
        if (PaymentRun.ASSIGNING.equals(run.status)) {
            long catchingUp = System.nanoTime();
            stages.add(Stage.PLAN, catchingUp, extension.catchUp());
        }
        ExecutorService planner = Executors.newSingleThreadExecutor(PLANNER_THREADS);
        Future<?> month = planner.submit(() -> {
            MDC.put("runId", runId.toString());
            try {
                long planning = System.nanoTime();
                stages.add(Stage.PLAN, planning, extension.planThisMonth());
            } finally {
                MDC.remove("runId");
            }
        });
        planner.shutdown();
        RuntimeException failure = null;
        try {
            if (PaymentRun.ASSIGNING.equals(run.status)) {
                assign(runId, stages);
            }
            deliver(runId.toString(), runs.filesToSend(runId), stages);
        } catch (RuntimeException e) {
            failure = e;
        }
        // Whatever happened, the planning thread never outlives the run lock either.
        try {
            await(month);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        PaymentRun done = runs.complete(runId);
        stages.add(Stage.TOTAL, started, done.paymentCount);
        stages.report(runId, meters.isResolvable() ? meters.get() : null);
        LOG.infof("Run %s is %s: %d payments, %d files, control sum %d cents", runId, done.status, done.paymentCount,
                done.fileCount, done.controlSumCents);
        if (PaymentRun.COMPLETED.equals(done.status)) {
            // after the money: the report is about the run; a crash here leaves it to POST /runs/{id}/resume, which keeps it
            long comparing = System.nanoTime();
            owed.keepForRun(runId);
            LOG.infof("Run %s: owed and paid per recipient compared and kept in %d ms", runId,
                    (System.nanoTime() - comparing) / 1_000_000);
        }
        return done;
    }

    private void assign(UUID runId, RunStages stages) {
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

    /**
     * Writes, sends, records and imports the files. Files are written (and validated) ahead on other threads, only
     * reading. {@value #LANES} files are in flight at once, each on its own lane through the same steps in the same
     * order (sent, recorded as sent, report imported, each step its own transaction), so the bank works on one file
     * while the database records another, and every crash point still means what it meant for the file that reached
     * it. The steps are idempotent per file, which is what makes two in flight as safe as one: a crash leaves at most
     * {@value #LANES} files to send again, and the bank answers a file it has seen with the same report.
     */
    private void deliver(String runId, List<UUID> files, RunStages stages) {
        int ahead = Math.max(LANES, Runtime.getRuntime().availableProcessors());
        ExecutorService writers = Executors.newFixedThreadPool(ahead, WRITER_THREADS);
        ExecutorService lanes = Executors.newFixedThreadPool(LANES, LANE_THREADS);
        Deque<Future<byte[]>> written = new ArrayDeque<>();
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        RuntimeException failure = null;
        try {
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
                Future<byte[]> file = written.poll();
                if (inFlight.size() >= LANES) {
                    await(inFlight.poll());
                }
                inFlight.add(lanes.submit(() -> {
                    MDC.put("runId", runId);
                    try {
                        deliver(fileId, file, stages);
                    } finally {
                        MDC.remove("runId");
                    }
                }));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        // Whatever happened, no lane may outlive the run lock: each finishes the step it is in.
        while (!inFlight.isEmpty()) {
            try {
                await(inFlight.poll());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        lanes.shutdown();
        writers.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    /** One file through its steps: sent, recorded as sent, its report imported. */
    private void deliver(UUID fileId, Future<byte[]> file, RunStages stages) {
        long waiting = System.nanoTime();
        byte[] pain001 = await(file);
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

    private static <T> T await(Future<T> step) {
        try {
            return step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a file was delivered", e);
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
