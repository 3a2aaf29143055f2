package org.lifeevents.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Notices, on a schedule, consents that expired or came into force since the last run, and has each announced once.
 * Expiry is in force for the consent check at the exact instant regardless; this job only tells the subscribers of the
 * topic.
 */
@ApplicationScoped
public class ConsentLifecycleJob {

    private static final Logger LOG = Logger.getLogger(ConsentLifecycleJob.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 50;

    @Inject
    Clock clock;

    @Inject
    ConsentTransitions transitions;

    @Scheduled(identity = "consent-lifecycle", every = "${lifeevents.consent.lifecycle-check-every:30s}", delayed = "${lifeevents.consent.lifecycle-check-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<String> subjects = transitions.subjectsDue(now, BATCH);
            int announced = 0;
            for (String personId : subjects) {
                try {
                    announced += transitions.announceDue(personId, now);
                } catch (RuntimeException e) {
                    // One person's failure must not hold back everyone else's announcements; the next run retries.
                    LOG.errorf(e, "Could not announce the consent transitions of a person; retrying on the next run");
                }
            }
            if (subjects.size() < BATCH || announced == 0) {
                return;
            }
        }
    }
}
