package org.lifeevents.payment.payrun;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long each stage of one execution of a run took and how much it handled, so the run's figures can be read
 * without a profiler: one log line per execution ({@code payment-run-stages run=... plan.ms=... plan.count=...}) and
 * the Micrometer timer {@code payment.run.stage} and summary {@code payment.run.stage.items}, tagged with the stage.
 * Stages on other threads (writing files) add up their own time, so a parallel stage can exceed the run's wall time.
 */
final class RunStages {

    /** The stages of a run, in the order they happen. */
    enum Stage {
        /**
         * Schedules extended from the entitlements, the current month on its own thread beside the other stages; counted in
         * entitlements.
         */
        PLAN,
        /** Due payments assigned to files; counted in payments. */
        ASSIGN,
        /** Files written and validated, on the writer threads; counted in files. */
        WRITE,
        /** The run waiting for a file still being written; counted in files. */
        AWAIT_WRITE,
        /** Files handed to the bank and its report received; counted in files. */
        SEND,
        /** Files recorded as sent, with their events; counted in payments. */
        RECORD_SENT,
        /** Status reports imported, with their events; counted in payments. */
        IMPORT,
        /** The whole execution; counted in payments of the run. */
        TOTAL;

        String tag() {
            return name().toLowerCase();
        }
    }

    private static final Logger LOG = Logger.getLogger(RunStages.class);

    private final Map<Stage, AtomicLong> nanos = new EnumMap<>(Stage.class);
    private final Map<Stage, AtomicLong> counts = new EnumMap<>(Stage.class);

    RunStages() {
        for (Stage stage : Stage.values()) {
            nanos.put(stage, new AtomicLong());
            counts.put(stage, new AtomicLong());
        }
    }

    /** Adds time spent in the stage since {@code startNanos} (from {@link System#nanoTime}) and what it handled. */
    void add(Stage stage, long startNanos, long count) {
        nanos.get(stage).addAndGet(System.nanoTime() - startNanos);
        counts.get(stage).addAndGet(count);
    }

    /** Logs the execution's line and records each stage that ran in the meters (when there is a registry). */
    void report(UUID runId, MeterRegistry meters) {
        String line = Arrays.stream(Stage.values())
                .map(stage -> stage.tag() + ".ms=" + Duration.ofNanos(nanos.get(stage).get()).toMillis() + " "
                        + stage.tag() + ".count=" + counts.get(stage).get())
                .collect(Collectors.joining(" "));
        LOG.infof("payment-run-stages run=%s %s", runId, line);
        if (meters == null) {
            return;
        }
        for (Stage stage : Stage.values()) {
            long took = nanos.get(stage).get();
            if (took == 0 && counts.get(stage).get() == 0) {
                continue;
            }
            Timer.builder("payment.run.stage").description("Time a payment run spent in a stage")
                    .tag("stage", stage.tag()).register(meters).record(Duration.ofNanos(took));
            DistributionSummary.builder("payment.run.stage.items")
                    .description("What a payment run's stage handled: entitlements, payments or files")
                    .tag("stage", stage.tag()).register(meters).record(counts.get(stage).get());
        }
    }
}
