package org.lifeevents.eligibility.reevaluation;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lifeevents.eligibility.EligibilityConfig;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.events.Events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains the re-evaluation queue: each due scope is evaluated in its own transaction (a failure puts it back for the
 * next run). Several instances share the queue safely.
 */
@ApplicationScoped
public class ReevaluationWorker {

    private static final Logger LOG = Logger.getLogger(ReevaluationWorker.class);

    @Inject
    ReevaluationQueue queue;

    @Inject
    HouseholdDecisions decisions;

    @Inject
    EligibilityConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${lifeevents.eligibility.reevaluation.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void run() {
        int done;
        do {
            done = runOnce();
        } while (done == config.reevaluation().batchSize());
    }

    /** Evaluates one batch of due scopes; returns how many it took. */
    public int runOnce() {
        List<ReevaluationRequest> due = QuarkusTransaction.requiringNew()
                .call(() -> queue.takeDue(clock.instant(), config.reevaluation().batchSize()));
        for (ReevaluationRequest request : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> decisions.evaluate(request.scope,
                        new Trigger("re-evaluation (" + request.reason + ")", Events.newCorrelationId())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Re-evaluating %s failed; it is queued again", request.scope);
                QuarkusTransaction.requiringNew().run(() -> queue.request(request.scope, request.reason,
                        clock.instant().plus(config.reevaluation().consentCheckRetry())));
            }
        }
        return due.size();
    }

    /** Skips the scheduled run when the worker is switched off. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        EligibilityConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.reevaluation().enabled();
        }
    }
}
