package org.lifeevents.benchmarks.payrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lifeevents.benchmarks.payrun.PaymentOperator.Stage;
import org.lifeevents.benchmarks.report.BenchmarkReport;
import org.lifeevents.benchmarks.report.PhysicalLimits;
import org.lifeevents.benchmarks.report.Rate;
import org.lifeevents.benchmarks.report.ResidentMemory;
import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localservers.testing.BusinessDate;
import org.lifeevents.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The monthly payment run on the real stack, on a payment day: N people with a granted monthly CHILD_ALLOWANCE planned
 * through last month and last month's payment due today (the set-up, written set-based and timed apart); a payment
 * operator starts the run through the API and it plans this month, then pays last month: assigned to files, each
 * written and validated, sent to the bank simulator, recorded as sent, its report imported and every payment settled.
 * Each stage's time comes from the payment service's own metrics, beside one set-based insert of as many payment-sized
 * rows into the same database. Then a run of 100,000 payments during which the payment service is killed at several
 * moments and the run resumed: every payment is paid once.
 * <p>
 * {@code ./mvnw -B verify -Pbenchmark -pl benchmarks -Dtest=PaymentRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbenchmark.payments=1000000] [-Dbenchmark.payrun.crash=false]} after {@code ./mvnw -B install -DskipTests}; see
 * the module's README.
 */
@Tag("benchmark")
// Neither test needs the other; the measured run goes first so that its figures are those of a database that holds
// only its own month, not the crashed run's as well.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentRunBenchmark {

    private static final int PAYMENTS = Integer.getInteger("benchmark.payments", 1_000_000);
    private static final boolean CRASH = Boolean.parseBoolean(System.getProperty("benchmark.payrun.crash", "true"));
    private static final int CRASH_PAYMENTS = Integer.getInteger("benchmark.payrun.crash.payments", 100_000);
    private static final int FILE_SIZE = Integer.getInteger("benchmark.payrun.fileSize", 5000);
    /** The payment service's {@code lifeevents.payment.run.monthly-payment-day}. */
    private static final int PAYMENT_DAY = 10;
    /** Slowest a run may go before it is given up: every wait is ten minutes plus the time this rate needs. */
    private static final int SLOWEST_PER_SECOND = Integer.getInteger("benchmark.slowestPerSecond", 50);
    /** The measured run's people and the crashed run's, far apart so neither run's seed meets the other's. */
    private static final long MEASURED_PEOPLE_FROM = 60_000_000_000L;
    private static final long CRASHED_PEOPLE_FROM = 69_000_000_000L;
    /**
     * How often the seed's planned entitlements are counted while the run plans: a scan of the entitlements, too
     * costly to repeat every few milliseconds beside the run it watches.
     */
    private static final Duration PLANNED_POLL = Duration.ofMillis(200);

    private static LocalDate paymentDay;
    private static YearMonth month;
    private static BenchmarkStack stack;
    private static PaymentOperator operator;

    @BeforeAll
    static void startTheStackOnAPaymentDay() {
        String date = System.getProperty("lifeevents.stack.business-date", "").trim();
        paymentDay = date.isEmpty() ? YearMonth.now(BusinessDate.ZONE).atDay(PAYMENT_DAY) : LocalDate.parse(date);
        month = YearMonth.from(paymentDay);
        System.setProperty("lifeevents.stack.business-date", paymentDay.toString());
        stack = BenchmarkStack.start();
        operator = new PaymentOperator(stack);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void monthlyRun() throws Exception {
        BenchmarkReport report = new BenchmarkReport("payrun", String.format(Locale.ROOT,
                "Monthly payment run: %,d CHILD_ALLOWANCE payments on the payment day", PAYMENTS),
                BenchmarkStack.checkout());
        try (ResidentMemory memory = ResidentMemory.sample(stack::processes, Duration.ofSeconds(1))) {
            MonthSeed seed = new MonthSeed(stack, month, paymentDay, MEASURED_PEOPLE_FROM, PAYMENTS);
            System.out.printf(Locale.ROOT, "BENCHMARK payrun: seeding %,d entitlements and payments%n", PAYMENTS);
            Duration setUp = seed.write();
            int rowBytes = seed.meanPaymentBytes();
            Rate limit = PhysicalLimits.postgresInsert(stack.stack().postgres().jdbcUrl(Service.PAYMENT.database()),
                    PostgresServer.USER, PostgresServer.PASSWORD, PAYMENTS, rowBytes);

            Map<String, Stage> before = operator.stages();
            System.out.printf(Locale.ROOT, "BENCHMARK payrun: set-up %.1f s; starting the run%n", seconds(setUp));
            long start = System.nanoTime();
            UUID runId = operator.start(FILE_SIZE);
            operator.awaitCompleted(runId, boundFor(PAYMENTS));
            double endToEnd = (System.nanoTime() - start) / 1e9;
            Map<String, Stage> stages = operator.stagesSince(before);
            JsonNode run = operator.run(runId);
            long payments = run.get("paymentCount").asLong();

            report.paragraph(stackParagraph());
            report.paragraph(String.format(Locale.ROOT, "Business date %s, the payment day. The set-up writes, "
                    + "set-based over JDBC into the payment database, %,d people (named, alive) with as many payout accounts, %,d granted monthly "
                    + "CHILD_ALLOWANCE entitlements planned through %s and their %,d payments for %s (SCHEDULED, due "
                    + "today), then analyzes; it is not part of the run. A payment operator (`%s`) then starts the run "
                    + "with `POST /runs?maxPaymentsPerFile=%d` and it is followed until COMPLETED; end to end is from "
                    + "that request to COMPLETED (status polled every 200 ms). The stages are the payment service's "
                    + "timer `payment.run.stage` from `GET /q/metrics`: planning %s (the run's first step), assigning "
                    + "the due payments to files, writing and validating each pain.001 (summed over the writer "
                    + "threads, which run ahead in parallel), waiting for a file still being written, sending to the "
                    + "bank simulator and receiving its pain.002, recording the file as sent, importing the report and "
                    + "settling its payments (the last four summed over the two files in flight at once). Stages that "
                    + "run in parallel add up to more than end to end. Rates are payments per second (planning: "
                    + "entitlements per second). The physical limit is one `insert ... select from generate_series` of "
                    + "%,d rows of %d bytes (the seeded payments' mean row size) into a new logged table of the "
                    + "payment database.", paymentDay, PAYMENTS, PAYMENTS, month.minusMonths(1), PAYMENTS,
                    month.minusMonths(1), PaymentOperator.OPERATOR, FILE_SIZE, month, PAYMENTS, rowBytes));
            report.paragraph(String.format(Locale.ROOT, "The run: %,d payments in %d files, control sum %s EUR, "
                    + "reconciled: %s.", payments, run.get("fileCount").asInt(), run.get("controlSum").asText(),
                    run.at("/reconciliation/reconciled").asBoolean()));
            Rate.Limit bound = limit.asLimit();
            List<Rate> rates = new ArrayList<>();
            rates.add(Rate.of("set-up: accounts, entitlements, last month's payments (not in the total)", PAYMENTS,
                    seconds(setUp)));
            rates.add(limit);
            stage(rates, stages, "plan", "plan this month (entitlements)", -1, bound);
            stage(rates, stages, "assign", "assign to files", payments, bound);
            stage(rates, stages, "write", "write and validate pain.001", payments, bound);
            // a wait, not work: no share of a limit
            stage(rates, stages, "await_write", "wait for a file being written", payments, null);
            stage(rates, stages, "send", "send to the bank, its pain.002 back", payments, bound);
            stage(rates, stages, "record_sent", "record sent", payments, bound);
            stage(rates, stages, "import", "import the report and settle", payments, bound);
            stage(rates, stages, "total", "the run as the service timed it", payments, bound);
            rates.add(Rate.of("end to end: POST /runs to COMPLETED", payments, endToEnd).against(bound));
            report.rates("Payment run stages against the physical limit", rates);
            report.heading("Resident memory");
            report.paragraph("Peak proportional resident memory (PSS, from /proc/<pid>/smaps_rollup, sampled every "
                    + "second from the set-up to the end) of each process of the stack; PostgreSQL's processes summed "
                    + "at each sample (PSS shares the shared buffers out among the backends that map them, so the sum "
                    + "counts them once).");
            report.memory(memory.peakBytes());
            report.write();

            assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(run.at("/reconciliation/reconciled").asBoolean()).as("the run reconciles").isTrue();
            assertThat(payments).isGreaterThanOrEqualTo(PAYMENTS);
        }
    }

    /** A moment in a run at which the payment service is killed. */
    private interface Moment {

        /**
         * @param now where the run stands
         * @param lastKill where it stood when the service was last killed (nothing done before the first)
         * @param planned how many of the seed's entitlements are planned through this month (a query; ask only
         *        when needed)
         */
        boolean reached(RunProgress now, RunProgress lastKill, LongSupplier planned);
    }

    /** One kill of the payment service and what it cost the run. */
    private static final class Crash {

        final String moment;
        final RunProgress atKill;
        final long plannedAtKill;
        final double restartSeconds;
        final double resumeSeconds;
        final long killedAt;
        double backSeconds = Double.NaN;

        Crash(String moment, RunProgress atKill, long plannedAtKill, long killedAt, double restartSeconds,
                double resumeSeconds) {
            this.moment = moment;
            this.atKill = atKill;
            this.plannedAtKill = plannedAtKill;
            this.killedAt = killedAt;
            this.restartSeconds = restartSeconds;
            this.resumeSeconds = resumeSeconds;
        }

        /** Notes when the resumed run got further than it was at the kill. */
        void observe(RunProgress now) {
            if (Double.isNaN(backSeconds) && now.beyond(atKill)) {
                backSeconds = (System.nanoTime() - killedAt) / 1e9;
            }
        }
    }

    @Test
    @Order(2)
    void aRunCrashedAtEveryStageResumesWithoutPayingTwice() throws Exception {
        assumeTrue(CRASH, "-Dbenchmark.payrun.crash=false");
        BenchmarkReport report = new BenchmarkReport("payrun-crash", String.format(Locale.ROOT,
                "Payment run of %,d payments, the payment service killed at several moments and the run resumed",
                CRASH_PAYMENTS), BenchmarkStack.checkout());
        MonthSeed seed = new MonthSeed(stack, month, paymentDay, CRASHED_PEOPLE_FROM, CRASH_PAYMENTS);
        Duration setUp = seed.write();
        int files = (CRASH_PAYMENTS + FILE_SIZE - 1) / FILE_SIZE;
        Map<String, Moment> moments = new LinkedHashMap<>();
        moments.put("starting: a batch of the month planned or a file assembled",
                (now, last, planned) -> now.files() > 0 || planned.getAsLong() > 0);
        moments.put("assigning: a file more assembled", (now, last, planned) -> now.files() > last.files());
        moments.put("sending: the first file REPORTED", (now, last, planned) -> now.reported() > last.reported());
        moments.put("sending: half the files REPORTED", (now, last, planned) -> now.reported() >= files / 2
                && now.reported() > last.reported());

        List<Crash> crashes = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        long bound = boundFor(CRASH_PAYMENTS).plusMinutes(5L * moments.size()).toNanos();
        UUID runId;
        double wall;
        try (Connection db = stack.database(Service.PAYMENT)) {
            long start = System.nanoTime();
            long deadline = start + bound;
            runId = operator.start(FILE_SIZE);
            PlannedCount planned = new PlannedCount(db, seed);
            RunProgress last = new RunProgress("ASSIGNING", 0, 0);
            Crash previous = null;
            RunProgress now = last;
            for (Map.Entry<String, Moment> moment : moments.entrySet()) {
                while (true) {
                    now = RunProgress.read(db, runId);
                    if (previous != null) {
                        previous.observe(now);
                    }
                    if (now.completed() || moment.getValue().reached(now, last, planned)) {
                        break;
                    }
                    failAfter(deadline, runId, now);
                    Thread.sleep(10);
                }
                if (now.completed()) {
                    missed.add(moment.getKey());
                    continue;
                }
                long killed = System.nanoTime();
                stack.stack().crashAndRestart(Service.PAYMENT);
                long ready = System.nanoTime();
                RunProgress atKill = RunProgress.read(db, runId);
                long plannedAtKill = plannedThisMonth(db, seed);
                long resuming = System.nanoTime();
                operator.resume(runId);
                long resumed = System.nanoTime();
                previous = new Crash(moment.getKey(), atKill, plannedAtKill, killed, (ready - killed) / 1e9,
                        (resumed - resuming) / 1e9);
                crashes.add(previous);
                last = atKill;
                System.out.printf(Locale.ROOT, "BENCHMARK payrun crash at %s: %s, %,d of %,d planned; back up in "
                        + "%.1f s%n", moment.getKey(), atKill, plannedAtKill, CRASH_PAYMENTS, previous.restartSeconds);
            }
            while (!now.completed()) {
                failAfter(deadline, runId, now);
                Thread.sleep(10);
                now = RunProgress.read(db, runId);
                if (previous != null) {
                    previous.observe(now);
                }
            }
            wall = (System.nanoTime() - start) / 1e9;
        }

        JsonNode run = operator.run(runId);
        LocalDate lastMonth = month.minusMonths(1).atDay(1);
        RunAudit.Findings found = new RunAudit(stack).audit(runId, seed, lastMonth);

        report.paragraph(stackParagraph());
        report.paragraph(String.format(Locale.ROOT, "Business date %s. Set-up as in the measured run (%,d people, "
                + "%.1f s, set-based). A payment operator starts the run (`POST /runs?maxPaymentsPerFile=%d`); the run's "
                + "progress is read every 10 ms from the payment database (its status, files assembled and files "
                + "REPORTED). At each moment below the payment service is killed (SIGKILL, as a power cut: "
                + "`LocalStack.crashAndRestart`), started again and, once ready, the run is resumed with `POST "
                + "/runs/{id}/resume`. A moment looks for progress after the previous resume, so every kill hits "
                + "work the resumed run was doing. \"Back beyond the kill\" is from the kill until the resumed run "
                + "had assembled or reported a file more than at the kill (or completed): the time the crash cost, "
                + "including the restart.", paymentDay, CRASH_PAYMENTS, seconds(setUp), FILE_SIZE));
        StringBuilder table = new StringBuilder(
                "| killed at | the run at the kill: status: files assembled, reported | entitlements of the seed planned this month | service ready again s "
                        + "| resume accepted s | back beyond the kill s |\n|---|---|---:|---:|---:|---:|\n");
        double restarts = 0;
        for (Crash crash : crashes) {
            restarts += crash.restartSeconds + crash.resumeSeconds;
            table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.1f | %.1f |%n", crash.moment,
                    crash.atKill, crash.plannedAtKill, crash.restartSeconds, crash.resumeSeconds, crash.backSeconds));
        }
        report.paragraph(table.toString().trim());
        if (!missed.isEmpty()) {
            report.paragraph("**Not reached** (the run completed first): " + String.join("; ", missed));
        }
        report.paragraph(String.format(Locale.ROOT, "The run COMPLETED %.1f s after its start, %.1f s of it the "
                + "service down and restarting; %,d payments in %d files, control sum %s EUR, reconciled: %s.", wall,
                restarts, run.get("paymentCount").asLong(), run.get("fileCount").asInt(),
                run.get("controlSum").asText(), run.at("/reconciliation/reconciled").asBoolean()));
        report.paragraph(String.format(Locale.ROOT, "Checked in the payment database: %,d payments in the run, %,d "
                + "SETTLED; %,d in no file of the run; %,d files whose count or control sum differs from their "
                + "payments; %,d of the %,d seeded payments for %s settled in this run, %,d entitlements of the seed "
                + "with more than one payment for that month; the run's payments sum to %,d cents against a "
                + "control sum of %,d. Checked in the bank simulator's journal (`GET /files`): %d files, %d of them "
                + "received more than once (sent again after a kill), %s; credited %,d cents in all.", found.payments(),
                found.settled(), found.outsideTheirFile(), found.filesNotAddingUp(), found.seededSettledOnce(),
                CRASH_PAYMENTS, month.minusMonths(1), found.seededPaidTwice(), found.amountCents(),
                found.controlSumCents(), found.files(), found.resent(), found.bankMismatches().isEmpty()
                        ? "each credited exactly its own transfers and sum"
                        : "mismatches: " + found.bankMismatches(),
                found.bankCreditedCents()));
        report.write();

        assertThat(crashes).as("kills during the run").hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.at("/reconciliation/reconciled").asBoolean()).as("the run reconciles").isTrue();
        assertThat(found.payments()).isEqualTo(run.get("paymentCount").asLong());
        assertThat(found.settled()).as("SETTLED payments of the run").isEqualTo(found.payments());
        assertThat(found.seededSettledOnce()).as("seeded payments settled in the run").isEqualTo(CRASH_PAYMENTS);
        assertThat(found.seededPaidTwice()).as("seeded entitlements paid twice for last month").isZero();
        assertThat(found.outsideTheirFile()).as("payments in no file of the run").isZero();
        assertThat(found.filesNotAddingUp()).as("files not adding up to their payments").isZero();
        assertThat(found.amountCents()).as("sum of the run's payments").isEqualTo(found.controlSumCents());
        assertThat(found.bankMismatches()).as("files the bank credited otherwise than once").isEmpty();
        assertThat(found.bankCreditedCents()).as("credited by the bank").isEqualTo(found.controlSumCents());
    }

    private static void stage(List<Rate> rates, Map<String, Stage> stages, String tag, String label, long payments,
            Rate.Limit bound) {
        Stage stage = stages.get(tag);
        if (stage != null && stage.seconds() > 0) {
            Rate rate = Rate.of(label, payments < 0 ? (long) stage.items() : payments, stage.seconds());
            rates.add(bound == null ? rate : rate.against(bound));
        }
    }

    /** {@link #plannedThisMonth} at most every {@link #PLANNED_POLL}, the last count in between. */
    private static final class PlannedCount implements LongSupplier {

        private final Connection db;
        private final MonthSeed seed;
        private long counted;
        private long countedAt;

        PlannedCount(Connection db, MonthSeed seed) {
            this.db = db;
            this.seed = seed;
        }

        @Override
        public long getAsLong() {
            if (countedAt == 0 || System.nanoTime() - countedAt > PLANNED_POLL.toNanos()) {
                try {
                    counted = plannedThisMonth(db, seed);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not count the planned entitlements", e);
                }
                countedAt = System.nanoTime();
            }
            return counted;
        }
    }

    /** Entitlements of the seed planned through this month: how far planning got before a kill. */
    private static long plannedThisMonth(Connection db, MonthSeed seed) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select count(*) from entitlement where recipient_id between ? and ? and planned_through = ?
                """)) {
            query.setString(1, seed.firstRecipient());
            query.setString(2, seed.lastRecipient());
            query.setObject(3, month.atDay(1));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void failAfter(long deadline, UUID runId, RunProgress now) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("Run " + runId + " did not complete in time: " + now);
        }
    }

    private static String stackParagraph() {
        return "The real stack as the system tests run it (`LocalStack`, `StackSettings.forTests`): PostgreSQL 17, a "
                + "KRaft Kafka broker inside the benchmark JVM, Keycloak, each service as its own JVM from its "
                + "`target/quarkus-app` with `" + System.getProperty("lifeevents.stack.jvm-options",
                        "the stack's default JVM options")
                + "`; the bank is the bank simulator service.";
    }

    private static Duration boundFor(long items) {
        return Duration.ofMinutes(10).plusSeconds(items / SLOWEST_PER_SECOND);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
