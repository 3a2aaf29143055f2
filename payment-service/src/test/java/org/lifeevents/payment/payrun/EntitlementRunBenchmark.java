package org.lifeevents.payment.payrun;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lifeevents.payment.schedule.ScheduleExtension;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's run from entitlements, stage by stage: N granted monthly child allowances with payout accounts, planned
 * through last month (the set-up, written set-based and timed apart), then the new month planned from them
 * ({@link ScheduleExtension}), and the run: assigned to files, each written and validated, sent to the bank simulator,
 * recorded as sent, its report imported and every payment settled. Beside it the physical limit: a set-based insert of
 * as many payment rows in the same database. Prints payments/s per stage and end to end, peak heap and resident memory.
 * {@code ./mvnw -B -pl payment-service -am verify -Pbenchmark -Dtest=EntitlementRunBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.payments=100000}.
 */
@QuarkusTest
@Tag("benchmark")
class EntitlementRunBenchmark {

    private static final int FILE_SIZE = 5000;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    ScheduleExtension extension;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Test
    void measuresAMonthsRunFromEntitlements() {
        int count = Integer.getInteger("benchmark.payments", 100_000);
        runs.unfinished().ifPresent(r -> executor.execute(r.runId));
        YearMonth month = YearMonth.now(clock);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakRss = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakRss.accumulateAndGet(rssBytes(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        Instant t0 = Instant.now();
        seed(count, month);
        Duration setUp = Duration.between(t0, Instant.now());

        Instant l0 = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                create table if not exists benchmark_limit (like payment including defaults)
                """).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into benchmark_limit (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                             gross_cents, amount_cents, status, due_date, correlation_id)
                select gen_random_uuid(), gen_random_uuid(), 'CHILD_ALLOWANCE',
                       lpad((70000000000 + n)::text, 11, '0'), ?2, ?3, 8000, 8000, 'SCHEDULED', ?4, md5(n::text)
                from generate_series(1, ?1) n
                """).setParameter(1, count).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth())
                .setParameter(4, month.plusMonths(1).atDay(10)).executeUpdate());
        Duration limit = Duration.between(l0, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("drop table benchmark_limit")
                .executeUpdate());

        System.gc();
        sampler.start();
        Instant p0 = Instant.now();
        int planned = extension.extendAll();
        Duration plan = Duration.between(p0, Instant.now());
        // The month planned is paid next month: move the new payments' due date to today so this run takes them.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update payment set due_date = ?1 where status = 'SCHEDULED' and period_start = ?2
                """).setParameter(1, LocalDate.now(clock)).setParameter(2, month.atDay(1)).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze payment").executeUpdate());

        Instant r0 = Instant.now();
        PaymentRun run = executor.execute(runs.start("benchmark", FILE_SIZE).runId);
        Instant r1 = Instant.now();
        running.set(false);
        // The run's own clock (the business date's) times the assignment: from its start to its last file's creation.
        Instant assigned = QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager
                .createQuery("select max(createdAt) from PaymentFile where runId = ?1").setParameter(1, run.runId)
                .getSingleResult());
        Duration assign = Duration.between(run.startedAt, assigned);
        Duration files = Duration.between(r0, r1).minus(assign);

        assertThat(planned).isGreaterThanOrEqualTo(count);
        assertThat(run.status).isEqualTo(PaymentRun.COMPLETED);
        assertThat(run.paymentCount).isGreaterThanOrEqualTo(count);
        Duration total = plan.plus(Duration.between(r0, r1));
        System.out.printf("%nMONTHLY RUN FROM ENTITLEMENTS (%,d entitlements, file size %d, 2 shared cores)%n", count,
                FILE_SIZE);
        System.out.printf("| stage | time | payments/s |%n|---|---:|---:|%n");
        row("set-up: entitlements and accounts (set-based, not in the total)", setUp, count);
        row("physical limit: set-based insert of as many rows", limit, count);
        row("plan the month from the entitlements", plan, count);
        row("assign to files (run start to last file, whole seconds)", assign, count);
        row("write, validate, send, record sent, import report, settle", files, count);
        row("end to end (plan + run)", total, count);
        System.out.printf("peak heap %d MB, peak resident %d MB, files %d%n", peakHeap.get() >> 20, peakRss.get() >> 20,
                run.fileCount);
    }

    private static void row(String stage, Duration took, int count) {
        System.out.printf("| %s | %.1f s | %,.0f |%n", stage, took.toMillis() / 1000.0,
                count * 1000.0 / Math.max(1, took.toMillis()));
    }

    /** Entitlements planned through last month, as on the first day of a month; set-based, the set-up only. */
    private void seed(int count, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        LocalDate lastMonth = month.minusMonths(1).atDay(1);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into payout_account (person_id, iban, source, since)
                    select lpad((60000000000 + n)::text, 11, '0'), 'EE382200221020145685', 'CITIZEN', ?2
                    from generate_series(1, ?1) n
                    on conflict do nothing
                    """).setParameter(1, count).setParameter(2, today).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into entitlement (entitlement_id, version, benefit, status, monthly, recipient_id,
                                             correlation_id, periods, granted_on, planned_through)
                    select gen_random_uuid(), 1, 'CHILD_ALLOWANCE', 'GRANTED', true, lpad((60000000000 + n)::text, 11, '0'),
                           'B' || md5(n::text), jsonb_build_array(jsonb_build_object('fromDate', ?2, 'untilDate', null,
                               'amountCents', 8000, 'recipientId', lpad((60000000000 + n)::text, 11, '0'))), ?3, ?4
                    from generate_series(1, ?1) n
                    """).setParameter(1, count).setParameter(2, lastMonth.toString()).setParameter(3, lastMonth)
                    .setParameter(4, lastMonth).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze entitlement").executeUpdate());
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // not on Linux: no resident figure
        }
        return 0;
    }
}
