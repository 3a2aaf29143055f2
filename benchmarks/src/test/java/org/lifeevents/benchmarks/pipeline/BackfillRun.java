package org.lifeevents.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lifeevents.benchmarks.report.Rate;
import org.lifeevents.benchmarks.stack.BenchmarkStack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cohort of families through {@code POST /backfill}, timed until the payment service holds every CHILD_ALLOWANCE
 * it owes. Stages run at once (eligibility decides while the registry still loads), so each stage is timed from its
 * first output to its last, and the whole from the upload to the last entitlement held.
 */
final class BackfillRun {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final int PRINT_EVERY_SAMPLES = 15;

    /** What one run measured. */
    record Result(String label, long families, long children, long lines, List<Rate> rates,
            Map<String, List<double[]>> progress, String summary) {
    }

    private final BenchmarkStack stack;
    private final Registry registry;

    BackfillRun(BenchmarkStack stack, Registry registry) {
        this.stack = stack;
        this.registry = registry;
    }

    Result run(String label, Families families, Duration timeout) throws Exception {
        long children = families.children();
        long lines = families.count() + children + families.deaths();
        try (Stages stages = new Stages(stack)) {
            long decidedBefore = stages.childAllowancesDecided();
            long heldBefore = stages.childAllowancesHeldByPayment();
            List<double[]> linesRead = new ArrayList<>();
            List<double[]> decided = new ArrayList<>();
            List<double[]> held = new ArrayList<>();

            long start = System.nanoTime();
            String jobId = registry.startBackfill(families::backfillFile);
            double registryDone = Double.NaN;
            double firstDecided = Double.NaN;
            double lastDecided = Double.NaN;
            double firstHeld = Double.NaN;
            double lastHeld = Double.NaN;
            double firstBirthRead = Double.NaN;
            long deadline = start + timeout.toNanos();
            JsonNode job = registry.job(jobId);
            while (true) {
                double now = (System.nanoTime() - start) / 1e9;
                if (Double.isNaN(registryDone)) {
                    job = registry.job(jobId);
                    long read = job.get("linesRead").asLong();
                    linesRead.add(new double[] { now, read });
                    if (Double.isNaN(firstBirthRead) && read > families.count()) {
                        firstBirthRead = now;
                    }
                    if (!Registry.isRunning(job)) {
                        Registry.requireCompleted(job);
                        if (stages.registryUnpublished() == 0) {
                            registryDone = now;
                        }
                    }
                }
                long decidedNow = stages.childAllowancesDecided() - decidedBefore;
                long heldNow = stages.childAllowancesHeldByPayment() - heldBefore;
                decided.add(new double[] { now, decidedNow });
                held.add(new double[] { now, heldNow });
                if (decidedNow > 0 && Double.isNaN(firstDecided)) {
                    firstDecided = now;
                }
                if (heldNow > 0 && Double.isNaN(firstHeld)) {
                    firstHeld = now;
                }
                if (decidedNow >= children && Double.isNaN(lastDecided)) {
                    lastDecided = now;
                }
                if (heldNow >= children && !Double.isNaN(registryDone)) {
                    lastHeld = now;
                    break;
                }
                if (decided.size() % PRINT_EVERY_SAMPLES == 1) {
                    System.out.printf(Locale.ROOT, "BENCHMARK %s after %.0f s: registry job %s, %s of %,d lines read; "
                            + "CHILD_ALLOWANCE decided %,d and held by payment %,d of %,d%n", label, now,
                            job.get("status").asText(), job.get("linesRead"), lines, decidedNow, heldNow, children);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s: not finished within %s. After %.0f s: "
                            + "registry job %s, %s of %,d lines read; eligibility decided %,d of %,d CHILD_ALLOWANCE; "
                            + "the payment service holds %,d of %,d", label, timeout, now, job.get("status").asText(),
                            job.get("linesRead"), lines, decidedNow, children, heldNow, children));
                }
                Thread.sleep(SAMPLE_EVERY.toMillis());
            }

            List<Rate> rates = List.of(
                    Rate.of(label + ": registry (upload to job done and every event published; all " + lines
                            + " lines)", children, registryDone),
                    Rate.of(label + ": eligibility (first to last CHILD_ALLOWANCE decided)", children,
                            lastDecided - firstDecided),
                    Rate.of(label + ": payment (first to last CHILD_ALLOWANCE held)", children, lastHeld - firstHeld),
                    Rate.of(label + ": end to end (upload to last CHILD_ALLOWANCE held)", children, lastHeld));
            Map<String, List<double[]>> progress = new LinkedHashMap<>();
            progress.put(label + ": registry lines read", linesRead);
            progress.put(label + ": CHILD_ALLOWANCE decided", decided);
            progress.put(label + ": CHILD_ALLOWANCE held by payment", held);
            String summary = String.format(Locale.ROOT, "%s: %,d families, %,d births (%,d CHILD_ALLOWANCE owed), "
                    + "%,d deaths, %,d lines. Seconds from the upload: first birth line read at %.0f, registry done "
                    + "at %.0f, first decision at %.0f, last at %.0f, first held by payment at %.0f, last at %.0f.",
                    label, families.count(), children, children, families.deaths(), lines, firstBirthRead,
                    registryDone, firstDecided, lastDecided, firstHeld, lastHeld);
            return new Result(label, families.count(), children, lines, rates, progress, summary);
        }
    }
}
