package org.lifeevents.payment.payrun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.BankSimulatorTestResource;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.schedule.Payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lifeevents.payment.Fixtures.account;
import static org.lifeevents.payment.Fixtures.awaitVersion;
import static org.lifeevents.payment.Fixtures.changed;
import static org.lifeevents.payment.Fixtures.decided;
import static org.lifeevents.payment.Fixtures.due;
import static org.lifeevents.payment.Fixtures.lines;
import static org.lifeevents.payment.Fixtures.monthEnd;
import static org.lifeevents.payment.Fixtures.monthStart;
import static org.lifeevents.payment.Fixtures.payments;
import static org.lifeevents.payment.Fixtures.period;
import static org.lifeevents.payment.Fixtures.person;
import static org.lifeevents.payment.Fixtures.stopped;

/**
 * Exactly once, proven: every incoming event is delivered three times (the original and two redeliveries of the same
 * bytes) and the run crashes at each point between its steps and is resumed. Afterwards each (entitlement, period) has
 * exactly one payment, each payment left in exactly one file and was announced once, the bank credited each file once,
 * and the run's control sum is the sum of its payments.
 */
@QuarkusTest
class ExactlyOnceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "lifeevents.payment.bank.url")
    String bankUrl;

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    RunCrashPoints crashPoints;

    @Inject
    PayoutAccountService accounts;

    @Inject
    RunReports reports;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void noMoreCrashes() {
        crashPoints.install(null);
    }

    @Test
    void redeliveredEventsAndACrashingRunPayEachEntitlementAndPeriodExactlyOnce() {
        TopicReader topics = new TopicReader(bootstrap);
        List<String> people = new ArrayList<>();
        Map<String, Long> finalVersion = new HashMap<>();
        List<SpecificRecord> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String parent = person();
            people.add(parent);
            QuarkusTransaction.requiringNew().run(() -> account(accounts, parent, "EE382200221020145685"));
            String correlation = Events.newCorrelationId();
            String grant = UUID.randomUUID().toString();
            events.add(decided(grant, 1, "BIRTH_GRANT", "OFFERED", false, correlation,
                    List.of(period(monthStart(3).plusDays(9), monthStart(3).plusDays(9), 32000, parent))));
            events.add(changed(grant, 2, "BIRTH_GRANT", "GRANTED", false, correlation,
                    List.of(period(monthStart(3).plusDays(9), monthStart(3).plusDays(9), 32000, parent)), "CONFIRMED"));
            finalVersion.put(grant, 2L);
            String allowance = UUID.randomUUID().toString();
            events.add(decided(allowance, 1, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                    List.of(period(monthStart(3), null, 8000, parent))));
            // A further child from two months ago: 100.00 from then on.
            events.add(changed(allowance, 2, "CHILD_ALLOWANCE", "GRANTED", true, correlation,
                    List.of(period(monthStart(3), monthEnd(3), 8000, parent), period(monthStart(2), null, 10000, parent)),
                    "AMOUNT_CHANGED"));
            if (i % 3 == 0) {
                // Stopped after last month: the current month is no longer owed.
                events.add(stopped(allowance, 3, "CHILD_ALLOWANCE", correlation, monthEnd(1)));
                finalVersion.put(allowance, 3L);
            } else {
                finalVersion.put(allowance, 2L);
            }
        }
        for (SpecificRecord event : events) {
            topics.publish(Topics.ENTITLEMENTS, entitlementId(event), event);
        }
        redeliverTwice(topics, events);
        // A last, newer version behind the redeliveries on each key's partition: once it is in, so are they.
        finalVersion.forEach((id, version) -> awaitVersion(id, version));

        // Crash between assigning files, after the bank took a file, and after it was recorded as sent: resume each time.
        AtomicInteger files = new AtomicInteger();
        crashPoints.install(point -> {
            if (point.equals(RunCrashPoints.AFTER_ASSIGNING_A_FILE) && files.incrementAndGet() == 2) {
                throw new IllegalStateException("crash after the second file was assigned");
            }
        });
        runs.unfinished().ifPresent(r -> executor.execute(r.runId));
        UUID runId = runs.start("test", 4).runId;
        assertThatThrownBy(() -> executor.execute(runId)).hasMessageContaining("crash");
        crashPoints.install(point -> {
            if (point.equals(RunCrashPoints.AFTER_BANK_TOOK_FILE)) {
                crashPoints.install(null);
                throw new IllegalStateException("crash after the bank took a file");
            }
        });
        assertThatThrownBy(() -> executor.execute(runId)).hasMessageContaining("crash");
        crashPoints.install(point -> {
            if (point.equals(RunCrashPoints.AFTER_FILE_MARKED_SENT)) {
                crashPoints.install(null);
                throw new IllegalStateException("crash before the status report was imported");
            }
        });
        assertThatThrownBy(() -> executor.execute(runId)).hasMessageContaining("crash");
        PaymentRun run = executor.execute(runId);
        assertThat(run.status).isEqualTo(PaymentRun.COMPLETED);
        assertThat(executor.execute(runId).paymentCount).isEqualTo(run.paymentCount);

        // And everything delivered yet again after the run changes nothing.
        redeliverTwice(topics, events);
        finalVersion.keySet().forEach(id -> topics.publish(Topics.ENTITLEMENTS, id, sameStateAgain(id)));
        finalVersion.forEach((id, version) -> awaitVersion(id, version + 1));
        org.lifeevents.payment.Fixtures.run(runs, executor);

        for (String entitlementId : finalVersion.keySet()) {
            List<Payment> rows = payments(entitlementId);
            Map<java.time.LocalDate, List<Payment>> byPeriod = rows.stream().collect(Collectors.groupingBy(p -> p.periodStart));
            byPeriod.forEach((period, list) -> assertThat(list.stream().filter(p -> !p.isTopUp()))
                    .as("regular payments of %s for %s", entitlementId, period).hasSize(1));
        }
        // Paid: every month owed whose payment day has come. Last month's comes on the 10th of this one, so whether it
        // is paid depends on the business date; the current month's has not come.
        Map<java.time.LocalDate, Long> paidMonths = new HashMap<>(Map.of(monthStart(3), 8000L, monthStart(2), 10000L));
        if (due(monthStart(1))) {
            paidMonths.put(monthStart(1), 10000L);
        }
        for (String parent : people) {
            List<Payment> paid = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment> list(
                    "recipientId = ?1 and status in ('SETTLED', 'SENT') order by periodStart", parent));
            long grants = paid.stream().filter(p -> p.benefit.equals("BIRTH_GRANT")).count();
            assertThat(grants).isEqualTo(1);
            Map<java.time.LocalDate, Long> allowanceByMonth = paid.stream().filter(p -> p.benefit.equals("CHILD_ALLOWANCE"))
                    .collect(Collectors.groupingBy(p -> p.periodStart, Collectors.summingLong(p -> p.grossCents)));
            assertThat(allowanceByMonth).containsExactlyInAnyOrderEntriesOf(paidMonths);
        }

        RunView view = reports.detail(runId);
        assertThat(view.reconciliation().reconciled()).isTrue();
        assertThat(view.reconciliation().sumOfPaymentAmountsInFiles()).isEqualTo(run.controlSumCents);
        assertThat(view.reconciliation().sumOfFileControlSums()).isEqualTo(run.controlSumCents);
        assertThat(view.files()).allSatisfy(f -> assertThat(f.status()).isEqualTo(PaymentFile.REPORTED));

        List<UUID> inRun = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select paymentId from Payment where runId = ?1", UUID.class).setParameter(1, runId)
                .getResultList());
        Map<String, Long> sentEvents = lines(topics.read(Topics.PAYMENTS, PaymentsSentEvent.class).stream()
                .filter(e -> e.getRunId().equals(runId.toString())).toList()).stream()
                .collect(Collectors.groupingBy(PaymentLine::getPaymentId, Collectors.counting()));
        assertThat(sentEvents).hasSize(inRun.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));

        // The bank credited each file once, however often it was sent.
        List<Map<String, Object>> bankFiles = given().header("X-Api-Key", BankSimulatorTestResource.API_KEY)
                .get(bankUrl + "/files").then().statusCode(200).extract().jsonPath().getList("$");
        long credited = bankFiles.stream().filter(f -> view.files().stream()
                .anyMatch(rf -> rf.messageId().equals(f.get("messageId"))))
                .mapToLong(f -> ((Number) f.get("creditedCents")).longValue()).sum();
        long settled = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select coalesce(sum(amount_cents), 0) from payment where run_id = ?1 and status = 'SETTLED'")
                .setParameter(1, runId).getSingleResult()).longValue());
        assertThat(credited).isEqualTo(settled).isEqualTo(run.controlSumCents);
        assertThat(bankFiles.stream().filter(f -> view.files().stream()
                .anyMatch(rf -> rf.messageId().equals(f.get("messageId")))).mapToInt(f -> (Integer) f.get("deliveries"))
                .sum()).isGreaterThan(view.files().size());
    }

    /** Publishes every event's record again twice, byte for byte, as a consumer crash before its commit would. */
    private static void redeliverTwice(TopicReader topics, List<SpecificRecord> events) {
        Map<String, ConsumerRecord<String, byte[]>> byEventId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topics.readRaw(Topics.ENTITLEMENTS)) {
            byEventId.put(Events.eventId(EventCodec.decode(record.value())), record);
        }
        for (int i = 0; i < 2; i++) {
            for (SpecificRecord event : events) {
                ConsumerRecord<String, byte[]> original = byEventId.get(Events.eventId(event));
                topics.publishRaw(Topics.ENTITLEMENTS, original.key(), original.value());
            }
        }
    }

    /** A newer version that says the same as the last: it must not pay anything again. */
    private SpecificRecord sameStateAgain(String entitlementId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var state = (org.lifeevents.payment.entitlement.EntitlementState) org.lifeevents.payment.entitlement.EntitlementState
                    .findById(UUID.fromString(entitlementId));
            if (state.status.equals("STOPPED")) {
                return stopped(entitlementId, state.version + 1, state.benefit, state.correlationId, state.lastOwedDate);
            }
            return changed(entitlementId, state.version + 1, state.benefit, state.status, state.monthly,
                    state.correlationId, state.periods.stream().map(p -> period(p.fromDate(), p.untilDate(),
                            p.amountCents(), p.recipientId())).toList(),
                    "DATA_ARRIVED");
        });
    }

    private static String entitlementId(SpecificRecord event) {
        return (String) event.get(event.getSchema().getField("entitlementId").pos());
    }
}
