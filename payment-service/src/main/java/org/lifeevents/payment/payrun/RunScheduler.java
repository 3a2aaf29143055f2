package org.lifeevents.payment.payrun;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** The daily run: finishes an unfinished run first (a crash's leftovers), then pays everything due today. */
@ApplicationScoped
public class RunScheduler {

    public static final String SCHEDULER = "payment-scheduler";
    private static final Logger LOG = Logger.getLogger(RunScheduler.class);

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Scheduled(identity = "daily-payment-run", cron = "{lifeevents.payment.run.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            runs.unfinished().ifPresent(run -> {
                LOG.infof("Resuming unfinished run %s", run.runId);
                executor.execute(run.runId);
            });
            executor.execute(runs.start(SCHEDULER, null).runId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The daily payment run stopped; it resumes with the next run or an operator's resume");
        }
    }
}
