package org.lifeevents.common.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.lifeevents.events.wire.UnreadableEventException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps a consumer at its records for as long as a failure that is not the record's fault lasts: the database
 * restarting for minutes, a lock held too long, a bug being fixed. Only the contract decides what goes to a dead-letter
 * topic (an unreadable record, a rejected event); anything else is tried again with growing pauses, up to
 * {@link #MAX_PAUSE}, while the records wait in their partition in order. The consumer reports itself stalled in the
 * service's readiness and in the metric {@code intake.stalled}, so an operator sees it; it resumes by itself.
 */
@ApplicationScoped
public class IntakeStalls {

    private static final Logger LOG = Logger.getLogger(IntakeStalls.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    /** A consumer that cannot get on, since when, and why. */
    public record Stall(Instant since, int attempts, String reason) {
    }

    private final Map<String, Stall> stalled = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("intake.stalled", stalled, Map::size)
                .description("Consumers waiting for a failure that is not their records' fault to pass")
                .register(meters);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Runs the attempt until it succeeds or the contract refuses its event. Returns normally once done; rethrows an
     * {@link UnreadableEventException} or {@link RejectedEventException}; throws {@link Stopped} when the service
     * stops meanwhile (the records are then neither acknowledged nor dead-lettered, and come again after a restart).
     */
    public void untilDone(String consumer, Runnable attempt) {
        Duration pause = FIRST_PAUSE;
        int attempts = 0;
        while (true) {
            try {
                attempt.run();
                Stall was = stalled.remove(consumer);
                if (was != null) {
                    LOG.infof("%s goes on after %d attempts since %s", consumer, was.attempts() + 1, was.since());
                }
                return;
            } catch (UnreadableEventException | RejectedEventException contract) {
                throw contract;
            } catch (RuntimeException passing) {
                attempts++;
                Stall stall = stalled.merge(consumer, new Stall(clock.instant(), attempts, passing.toString()),
                        (old, now) -> new Stall(old.since(), now.attempts(), now.reason()));
                if (attempts == 1 || attempts % 10 == 0) {
                    LOG.warnf(passing, "%s is stalled since %s (attempt %d): %s; its records wait in order", consumer,
                            stall.since(), attempts, passing);
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** The consumers stalled now. */
    public Map<String, Stall> stalled() {
        return Map.copyOf(stalled);
    }

    private void sleep(Duration pause) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, pause.toMillis() / 4));
        long until = System.nanoTime() + Duration.ofMillis(pause.toMillis() + jitter).toNanos();
        while (System.nanoTime() < until) {
            if (stopping) {
                throw new Stopped();
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** The service stops while a consumer waits: its records stay unacknowledged for the next start. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("the service is stopping", null, false, false);
        }
    }

    /** Not ready while a consumer is stalled: its records wait, and whatever depends on them is late. */
    @Readiness
    @ApplicationScoped
    static class IntakeHealth implements HealthCheck {

        @Inject
        IntakeStalls stalls;

        @Override
        public HealthCheckResponse call() {
            Map<String, Stall> now = stalls.stalled();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("event-intake").status(now.isEmpty());
            now.forEach((consumer, stall) -> response.withData(consumer,
                    "stalled since " + stall.since() + " after " + stall.attempts() + " attempts: " + stall.reason()));
            return response.build();
        }
    }
}
