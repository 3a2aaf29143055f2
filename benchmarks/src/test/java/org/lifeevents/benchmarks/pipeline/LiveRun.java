package org.lifeevents.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.lifeevents.benchmarks.report.Latency;
import org.lifeevents.benchmarks.stack.BenchmarkStack;

/**
 * Births posted one at a time at a fixed rate, on a schedule that does not wait for the answers (a registry does not
 * slow down because we are slow), each timed from its planned send: the answer of the registry, then the first
 * appearance of its CHILD_ALLOWANCE decision on the entitlements topic.
 */
final class LiveRun {

    /** What one rate measured. */
    record Result(int rate, long posted, long refused, long undecided, Latency answered, Latency decided,
            Latency offers, double dispatchSeconds, double answeredSeconds) {
    }

    private static final int SENDERS = Integer.getInteger("benchmark.live.senders", 128);

    private final BenchmarkStack stack;
    private final Registry registry;
    private final DecisionWatcher watcher;
    private final int offerSample;

    /**
     * @param offerSample how many births of each rate are also watched as the mother sees them in GET /me/offers
     */
    LiveRun(BenchmarkStack stack, Registry registry, DecisionWatcher watcher, int offerSample) {
        this.stack = stack;
        this.registry = registry;
        this.watcher = watcher;
        this.offerSample = offerSample;
    }

    /** Posts the families' births at the rate, then waits (bounded) for every decision. */
    Result run(Families families, int rate, Duration drainTimeout) throws InterruptedException {
        int count = (int) families.count();
        List<Long> sampled = new ArrayList<>();
        for (int j = 0; j < Math.min(offerSample, count); j++) {
            sampled.add(families.firstFamily() + (long) j * count / Math.min(offerSample, count));
        }
        OfferSample offers = new OfferSample(stack, families, sampled, drainTimeout);
        long[] acceptedAt = new long[count];
        Histogram answered = Latency.newHistogram();
        AtomicLong refused = new AtomicLong();
        // Enough senders that a slow answer waits in the registry, not in this pool.
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long planned = start + i * interval;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            long family = families.firstFamily() + index;
            senders.execute(() -> {
                int status = registry.registerBirth(families.birthRequest(family));
                long now = System.nanoTime();
                if (status == 201) {
                    acceptedAt[index] = now;
                    if (offers.isSampled(family)) {
                        offers.watch(family, families.child(family), now);
                    }
                    synchronized (answered) {
                        answered.recordValue(Math.max(1, (now - planned) / 1000));
                    }
                } else {
                    refused.incrementAndGet();
                }
            });
        }
        double dispatchSeconds = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        double answeredSeconds = (System.nanoTime() - start) / 1e9;

        long deadline = System.nanoTime() + drainTimeout.toNanos();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (acceptedAt[i] != 0) {
                waiting.add(i);
            }
        }
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(i -> watcher.decidedAt(families.child(families.firstFamily() + i)) != null);
            Thread.sleep(200);
        }
        Histogram decided = Latency.newHistogram();
        long undecided = 0;
        for (int i = 0; i < count; i++) {
            Long seen = watcher.decidedAt(families.child(families.firstFamily() + i));
            if (acceptedAt[i] != 0 && seen != null) {
                decided.recordValue(Math.max(1, (seen - acceptedAt[i]) / 1000));
            } else if (acceptedAt[i] != 0) {
                undecided++;
            }
        }
        return new Result(rate, count, refused.get(), undecided,
                new Latency(rate + "/s: registry answered 201",
                        "from the planned send time to the 201 answer of POST /registrations/births (every birth)",
                        answered),
                new Latency(rate + "/s: CHILD_ALLOWANCE decided",
                        String.format(Locale.ROOT, "from the 201 answer to the first EntitlementDecidedEvent of the "
                                + "child on eligibility.entitlements.v1, read_committed (every birth; %,d not decided "
                                + "within the %s drain timeout are left out)", undecided, drainTimeout),
                        decided),
                offers.result(rate), dispatchSeconds, answeredSeconds);
    }
}
