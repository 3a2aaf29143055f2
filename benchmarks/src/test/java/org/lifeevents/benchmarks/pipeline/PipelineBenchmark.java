package org.lifeevents.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeevents.benchmarks.report.BenchmarkReport;
import org.lifeevents.benchmarks.report.CpuTime;
import org.lifeevents.benchmarks.report.Latency;
import org.lifeevents.benchmarks.report.PhysicalLimits;
import org.lifeevents.benchmarks.report.Rate;
import org.lifeevents.benchmarks.report.ResidentMemory;
import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.events.Topics;
import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localstack.Service;

/**
 * The whole pipeline on the real stack, in one run: a backfill of N families from the registry's upload until the
 * payment service holds every CHILD_ALLOWANCE; births posted one at a time at fixed rates with their latencies; the same
 * backfill again with two eligibility and two payment instances; and beside them the bare broker's and database's rates
 * with the same number of items, and the peak resident memory of every process. Prints figures; asserts only that the
 * work was done.
 * <p>
 * {@code ./mvnw -B verify -Pbenchmark -pl benchmarks [-Dbenchmark.families=100000]} after
 * {@code ./mvnw -B install -DskipTests}; see the module's README for every setting.
 */
@Tag("benchmark")
class PipelineBenchmark {

    private static final int FAMILIES = Integer.getInteger("benchmark.families", 100_000);
    private static final List<Integer> LIVE_RATES = Arrays
            .stream(System.getProperty("benchmark.live.rates", "10,100,500").split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    private static final Duration LIVE_DURATION = Duration
            .ofSeconds(Long.getLong("benchmark.live.seconds", 60));
    private static final int OFFER_SAMPLE = Integer.getInteger("benchmark.live.offerSample", 5);
    private static final long LIMIT_MIN_ITEMS = Long.getLong("benchmark.limits.minItems", 100_000);
    private static final boolean SCALE_OUT = Boolean.parseBoolean(System.getProperty("benchmark.scaleOut", "true"));
    /**
     * Slowest progress a run may make before it is stopped: the bound on every wait is the time this rate needs plus
     * ten minutes, so a stuck engine fails with how far each stage got instead of hanging.
     */
    private static final int SLOWEST_PER_SECOND = Integer.getInteger("benchmark.slowestPerSecond", 5);

    @Test
    void wholePipeline() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        BenchmarkReport report = new BenchmarkReport("pipeline",
                "Whole pipeline: birth registered to CHILD_ALLOWANCE held by the payment service",
                BenchmarkStack.checkout());
        try (BenchmarkStack stack = BenchmarkStack.start();
                ResidentMemory memory = ResidentMemory.sample(stack::processes, Duration.ofSeconds(1))) {
            Registry registry = new Registry(stack);
            BackfillRun backfill = new BackfillRun(stack, registry);
            List<String> unfinished = new ArrayList<>();
            List<BackfillRun.Result> backfills = new ArrayList<>();
            List<LiveRun.Result> lives = new ArrayList<>();
            long nextFamily = 0;
            Map<String, Double> backfillCpu = Map.of();
            long backfillBirths = 0;
            try {
                Families single = new Families(run, nextFamily, FAMILIES);
                nextFamily += FAMILIES;
                Map<String, Double> cpuBefore = CpuTime.used(stack.processes());
                backfills.add(backfill.run("1 instance each", single, boundFor(single.children())));
                backfillCpu = CpuTime.between(cpuBefore, CpuTime.used(stack.processes()));
                backfillBirths = single.children();

                try (DecisionWatcher watcher = new DecisionWatcher(stack.stack().kafka().bootstrapServers())) {
                    LiveRun live = new LiveRun(stack, registry, watcher, OFFER_SAMPLE);
                    for (int rate : LIVE_RATES) {
                        Families families = new Families(run, nextFamily, rate * LIVE_DURATION.toSeconds());
                        nextFamily += families.count();
                        registry.awaitCompleted(registry.startBackfill(families::householdsFile),
                                boundFor(families.count()));
                        System.out.printf(Locale.ROOT, "BENCHMARK live %d/s: posting %,d births%n", rate,
                                families.count());
                        LiveRun.Result result = live.run(families, rate, boundFor(families.count()));
                        lives.add(result);
                        System.out.printf(Locale.ROOT, "BENCHMARK live %d/s: %,d posted, %,d refused, %,d not decided,"
                                + " decided p50 %.0f ms%n", rate, result.posted(), result.refused(), result.undecided(),
                                result.decided().millisAt(50));
                        if (result.undecided() > 0 || result.refused() > 0) {
                            unfinished.add(String.format(Locale.ROOT, "live %d/s: %,d births refused, %,d not decided "
                                    + "in time", rate, result.refused(), result.undecided()));
                        }
                    }
                }

                if (SCALE_OUT) {
                    int eligibilityAlone = stableMembers(stack, "eligibility-service");
                    int paymentAlone = stableMembers(stack, "payment-service");
                    stack.stack().startAnotherInstance(Service.ELIGIBILITY);
                    stack.stack().startAnotherInstance(Service.PAYMENT);
                    awaitMembers(stack, "eligibility-service", 2 * eligibilityAlone);
                    awaitMembers(stack, "payment-service", 2 * paymentAlone);
                    Families scaled = new Families(run, nextFamily, FAMILIES);
                    nextFamily += FAMILIES;
                    backfills.add(backfill.run("2 eligibility + 2 payment instances", scaled,
                            boundFor(scaled.children())));
                }
            } catch (AssertionError | RuntimeException e) {
                unfinished.add(e.getMessage());
            }

            writeReport(report, stack, memory, backfills, lives, unfinished, backfillCpu, backfillBirths);
            if (!backfillCpu.isEmpty()) {
                System.out.printf(Locale.ROOT, "BENCHMARK CPU seconds during the backfill: %s%n", backfillCpu);
            }
            if (!unfinished.isEmpty()) {
                throw new AssertionError("The benchmark did not finish everything: " + unfinished);
            }
        }
    }

    private static Duration boundFor(long items) {
        return Duration.ofMinutes(10).plusSeconds(items / SLOWEST_PER_SECOND);
    }

    private static void writeReport(BenchmarkReport report, BenchmarkStack stack, ResidentMemory memory,
            List<BackfillRun.Result> backfills, List<LiveRun.Result> lives, List<String> unfinished,
            Map<String, Double> backfillCpu, long backfillBirths) {
        report.paragraph("The real stack as the system tests run it (`LocalStack`, `StackSettings.forTests`): "
                + "PostgreSQL 17, a KRaft Kafka broker inside the benchmark JVM, Keycloak, each service as its own "
                + "JVM from its `target/quarkus-app` with `" + System.getProperty("lifeevents.stack.jvm-options",
                        "the stack's default JVM options")
                + "`. Topics have "
                + stack.stack().settings().topicPartitions() + " partitions.");
        if (!unfinished.isEmpty()) {
            report.paragraph("**Not finished:** " + String.join("; ", unfinished));
        }

        List<Rate> limits = new ArrayList<>();
        if (!backfills.isEmpty()) {
            // the same items as the first backfill, but never so few that client start-up is what gets measured
            long records = Math.max(backfills.get(0).children(), LIMIT_MIN_ITEMS);
            String bootstrap = stack.stack().kafka().bootstrapServers();
            int recordBytes = PhysicalLimits.meanRecordBytes(bootstrap, Topics.REGISTRATIONS);
            limits.addAll(PhysicalLimits.kafka(bootstrap, records, recordBytes, stack.stack().settings()
                    .topicPartitions()));
            limits.add(PhysicalLimits.postgresInsert(stack.scratchDatabase("benchmark_limits"), PostgresServer.USER,
                    PostgresServer.PASSWORD, records, recordBytes));
            Rate.Limit tightest = limits.stream().min(Comparator.comparingDouble(Rate::perSecond)).orElseThrow()
                    .asLimit();

            report.heading("Backfill: " + String.format(Locale.ROOT, "%,d", backfills.get(0).families())
                    + " families through POST /backfill");
            report.paragraph("Families: a couple in a household (the household line), one birth each, one family in "
                    + "ten with a second child (twins in half of them, an older sibling born in 2023 in the other "
                    + "half), the father's death in one family in fifty; households first, then births, then deaths. "
                    + "Progress is read every second with JDBC from each service's own database: the registry's "
                    + "unpublished outbox rows, the eligibility service's `entitlement` rows with benefit "
                    + "CHILD_ALLOWANCE, and the payment service's `entitlement` rows (its copy of each entitlement's "
                    + "latest state, from which it plans payments) with benefit CHILD_ALLOWANCE, counted above what "
                    + "was there before the run. The stages overlap, so each stage is timed from its first output "
                    + "to its last; end to end is from the start of the upload to the last entitlement held by the "
                    + "payment service. Per second is births (CHILD_ALLOWANCE entitlements) per second.");
            for (BackfillRun.Result result : backfills) {
                report.paragraph(result.summary());
            }
            report.paragraph(String.format(Locale.ROOT, "Physical limits, measured in the same run on the stack's own "
                    + "broker and database with %,d items of %d bytes (the mean value size of the "
                    + "registry.registrations.v1 records of the run; as many items as the first backfill's births, at "
                    + "least " + LIMIT_MIN_ITEMS
                    + " so that client start-up does not dominate): a bare producer (acks=all, client defaults) to a "
                    + "new topic with as many partitions, a bare consumer of them, one `insert ... select from "
                    + "generate_series` of as many rows into a new logged table. The share column compares each "
                    + "stage with the tightest of the three (%s).", records, recordBytes, tightest.name()));
            List<Rate> rates = new ArrayList<>();
            for (BackfillRun.Result result : backfills) {
                result.rates().forEach(rate -> rates.add(rate.against(tightest)));
            }
            rates.addAll(limits);
            report.rates("Backfill rates against the physical limits", rates);
            Map<String, List<double[]>> progress = new LinkedHashMap<>();
            backfills.forEach(result -> progress.putAll(result.progress()));
            report.progress("Backfill progress", "count", progress);
        }

        if (!lives.isEmpty()) {
            report.heading("Live: births posted one at a time");
            report.paragraph("Each rate posts rate x " + LIVE_DURATION.toSeconds() + " s births to "
                    + "`POST /registrations/births`, one request per birth, on a fixed schedule that does not wait for "
                    + "answers (so a slow answer delays nothing after it and is measured from when it should have been "
                    + "sent). The parents' households were loaded before, by a backfill of household lines. Every birth "
                    + "is measured to the moment its CHILD_ALLOWANCE decision appears on `eligibility.entitlements.v1` "
                    + "(a read_committed consumer in the benchmark JVM): the decision visible to every consumer of the "
                    + "system. For a sample of " + OFFER_SAMPLE + " births per rate (spread over the run), the mother "
                    + "was given a Keycloak citizen account beforehand and her `GET /me/offers` is polled every 100 ms "
                    + "from the 201 answer until it lists the child's CHILD_ALLOWANCE: the grant as the citizen sees it. "
                    + "Both are measured from the registry's 201 answer; the answer itself from the planned send time.");
            List<Latency> latencies = new ArrayList<>();
            for (LiveRun.Result live : lives) {
                report.paragraph(String.format(Locale.ROOT, "%d/s: %,d births sent in %.1f s (%.1f/s), the last "
                        + "answer at %.1f s; %,d refused, %,d not decided within the wait.", live.rate(), live.posted(),
                        live.dispatchSeconds(), live.posted() / live.dispatchSeconds(), live.answeredSeconds(),
                        live.refused(), live.undecided()));
                latencies.add(live.answered());
                latencies.add(live.decided());
                latencies.add(live.offers());
            }
            report.latencies("Live latencies", latencies);
        }

        if (!backfillCpu.isEmpty()) {
            report.heading("Processor time during the backfill (1 instance each)");
            report.paragraph("User and system time of each process group from the upload until the payment service "
                    + "held the last CHILD_ALLOWANCE, and per birth: on two cores the pipeline's rate is bounded by "
                    + "the sum, so the largest share is where a birth costs most. The benchmark JVM holds the Kafka "
                    + "broker and the load generator.");
            report.cpu(backfillCpu, backfillBirths, "birth");
        }

        report.heading("Resident memory");
        report.paragraph("Peak proportional resident memory (PSS, from /proc/<pid>/smaps_rollup, sampled every "
                + "second for the whole run) of each process of the stack; PostgreSQL's processes summed at each "
                + "sample (PSS shares the shared buffers out among the backends that map them, so the sum counts them "
                + "once). Keycloak is its launcher script and its JVM together. The last line is the peak of the sum "
                + "over every process at one sample.");
        report.memory(memory.peakBytes());
        report.write();
    }

    /**
     * Waits until the group has settled with the members of two instances: an instance runs several consumers in its
     * group (one per channel, and one per partition of the busiest channels), so the second has joined when the
     * group's members have doubled.
     */
    private static void awaitMembers(BenchmarkStack stack, String group, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int members;
        while ((members = members(stack, group)) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("After 3 minutes " + group + " has " + members + " settled members, not "
                        + expected + "; the second instance did not join");
            }
            Thread.sleep(1000);
        }
    }

    /** The members of one instance's group, once it has settled. */
    private static int stableMembers(BenchmarkStack stack, String group) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int members;
        while ((members = members(stack, group)) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return members;
    }

    /** Members of the group in a settled generation; 0 while it rebalances. */
    private static int members(BenchmarkStack stack, String group) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.state() == ConsumerGroupState.STABLE ? description.members().size() : 0;
        }
    }
}
