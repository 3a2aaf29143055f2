package org.lifeevents.payment.payrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.payment.bank.BankClient;
import org.lifeevents.payment.bank.Pain001Writer;
import org.lifeevents.payment.bank.StatusReportImporter;
import org.lifeevents.payment.schedule.ScheduleExtension;

import io.agroal.api.AgroalDataSource;

/**
 * Drives a run through its steps until it is complete, from wherever it stands: assign what is due to files, then for
 * each file not yet reported build it, validate it, hand it to the bank, record it as sent and import the bank's status
 * report. Each step is its own transaction on durable state, so a run that crashed anywhere is resumed by executing it
 * again. One executor at a time per database (an advisory lock), whatever the number of service instances.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);
    private static final String LOCK = "payment-run";

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
        PaymentRun run = runs.get(runId);
        if (PaymentRun.ASSIGNING.equals(run.status)) {
            extension.extendAll();
            int assigned;
            while ((assigned = runs.assignBatch(runId)) > 0) {
                LOG.debugf("Run %s assigned %d payments", runId, assigned);
                crashPoints.reached(RunCrashPoints.AFTER_ASSIGNING_A_FILE);
            }
        }
        for (UUID fileId : runs.filesToSend(runId)) {
            String pain001 = writer.write(fileId);
            String pain002 = bank.send(pain001);
            crashPoints.reached(RunCrashPoints.AFTER_BANK_TOOK_FILE);
            runs.markSent(fileId, clock.instant());
            crashPoints.reached(RunCrashPoints.AFTER_FILE_MARKED_SENT);
            importer.importReport(pain002);
        }
        PaymentRun done = runs.complete(runId);
        LOG.infof("Run %s is %s: %d payments, %d files, control sum %d cents", runId, done.status, done.paymentCount,
                done.fileCount, done.controlSumCents);
        return done;
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
