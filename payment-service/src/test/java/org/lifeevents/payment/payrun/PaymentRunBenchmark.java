package org.lifeevents.payment.payrun;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a payment run end to end on the real servers: assign, build and validate each pain.001 file, send it to the
 * bank simulator (which parses, validates and answers with pain.002), record it as sent with one event per payment,
 * import the report. Prints the rate and the peak heap for two sizes, to show that memory does not grow with the run.
 * Not part of the default build: {@code ./mvnw -B -pl payment-service -am verify -Pbenchmark -Dtest=PaymentRunBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@Tag("benchmark")
class PaymentRunBenchmark {

    private static final int FILE_SIZE = 5000;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Test
    void measuresTheRateOfARunOf100000Payments() {
        runs.unfinished().ifPresent(r -> executor.execute(r.runId));
        Figures small = measure(20_000, 1);
        Figures large = measure(100_000, 2);
        System.out.printf("%nPAYMENT RUN BENCHMARK (file size %d, bank simulator on loopback, 2 shared cores)%n", FILE_SIZE);
        System.out.println(small);
        System.out.println(large);
        assertThat(large.payments()).isEqualTo(100_000);
    }

    private Figures measure(int count, int series) {
        seed(count, series);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Instant start = Instant.now();
        PaymentRun run = executor.execute(runs.start("benchmark", FILE_SIZE).runId);
        Duration took = Duration.between(start, Instant.now());
        running.set(false);
        assertThat(run.status).isEqualTo(PaymentRun.COMPLETED);
        assertThat(run.paymentCount).isEqualTo(count);
        return new Figures(count, run.fileCount, took, count * 1000.0 / took.toMillis(), baseline / (1 << 20),
                peak.get() / (1 << 20));
    }

    /** Due payments and accounts written straight into the database: the set-up, not what is measured. */
    private void seed(int count, int series) {
        // Last month, due yesterday: on the service's business date, not the database's, so the run takes them all.
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into payout_account (person_id, iban, source, since)
                    select lpad((80000000000 + ?1 * 1000000 + n)::text, 11, '0'), 'EE382200221020145685', 'CITIZEN', ?3
                    from generate_series(1, ?2) n
                    on conflict do nothing
                    """).setParameter(1, series).setParameter(2, count).setParameter(3, today).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                         gross_cents, amount_cents, status, due_date, correlation_id)
                    select gen_random_uuid(), gen_random_uuid(), 'CHILD_ALLOWANCE',
                           lpad((80000000000 + ?1 * 1000000 + n)::text, 11, '0'),
                           ?3, ?4, 8000, 8000, 'SCHEDULED', ?5, md5(n::text || ?1)
                    from generate_series(1, ?2) n
                    """).setParameter(1, series).setParameter(2, count).setParameter(3, lastMonth.atDay(1))
                    .setParameter(4, lastMonth.atEndOfMonth()).setParameter(5, today.minusDays(1)).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze payment").executeUpdate());
    }

    record Figures(int payments, int files, Duration took, double perSecond, long heapBeforeMb, long peakHeapMb) {
        @Override
        public String toString() {
            return String.format("  %,7d payments in %3d files: %6.1f s, %,8.0f payments/s, heap %d MB before, peak %d MB",
                    payments, files, took.toMillis() / 1000.0, perSecond, heapBeforeMb, peakHeapMb);
        }
    }
}
