package org.lifeevents.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.localservers.testing.BusinessDate;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.entitlement.EntitlementState;
import org.lifeevents.payment.payrun.PaymentRun;
import org.lifeevents.payment.payrun.PaymentRuns;
import org.lifeevents.payment.payrun.RunExecutor;
import org.lifeevents.payment.schedule.Payment;

import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.awaitility.Awaitility.await;

/** Builds the events other services publish, publishes them on the real broker, and waits for their effects. */
public final class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500));

    /** The day of the following month a monthly benefit is paid on, as {@code application.properties} configures it. */
    public static final int PAYMENT_DAY = 10;

    private static final Instant BUSINESS_START = BusinessDate.noon();
    private static final long STARTED_NANOS = System.nanoTime();

    private Fixtures() {
    }

    /** A valid person id no other test uses. */
    public static String person() {
        return PersonId.of("F", LocalDate.of(1980, 1, 1).plusDays(SERIAL.incrementAndGet()), 100 + SERIAL.get() % 800)
                .value();
    }

    public static String child() {
        return PersonId.of("M", LocalDate.of(2020, 1, 1).plusDays(SERIAL.incrementAndGet()), 100 + SERIAL.get() % 800)
                .value();
    }

    public static EntitlementPeriod period(LocalDate from, LocalDate until, long cents, String recipient) {
        return EntitlementPeriod.newBuilder().setFromDate(from).setUntilDate(until).setAmountCents(cents)
                .setRecipientId(recipient).setParameterVersion("2025-01-01").build();
    }

    /** The first day of the month {@code monthsAgo} before the business date's. */
    public static LocalDate monthStart(int monthsAgo) {
        return BusinessDate.thisMonth().minusMonths(monthsAgo).atDay(1);
    }

    public static LocalDate monthEnd(int monthsAgo) {
        return BusinessDate.thisMonth().minusMonths(monthsAgo).atEndOfMonth();
    }

    /** When the month that starts on {@code periodStart} is paid: in arrears, on the payment day of the next month. */
    public static LocalDate dueDate(LocalDate periodStart) {
        return periodStart.plusMonths(1).withDayOfMonth(PAYMENT_DAY);
    }

    /**
     * Whether a run on the business date pays the month that starts on {@code periodStart}: its payment day has come,
     * the day itself included. The month before the current one is due only from the payment day on.
     */
    public static boolean due(LocalDate periodStart) {
        return !dueDate(periodStart).isAfter(BusinessDate.today());
    }

    /**
     * A timestamp for the events other services would publish, on the business date like the service's clock: noon of
     * it, ticking on in real time, so events still order.
     */
    public static Instant now() {
        return BUSINESS_START.plusNanos(System.nanoTime() - STARTED_NANOS);
    }

    public static EntitlementDecidedEvent decided(String entitlementId, long version, String benefit, String status,
            boolean monthly, String correlationId, List<EntitlementPeriod> periods) {
        return EntitlementDecidedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(now()).setCorrelationId(correlationId)
                .setEntitlementId(entitlementId).setVersion(version).setDecisionId(UUID.randomUUID().toString())
                .setBenefit(benefit).setStatus(status).setRecipientId(periods.get(0).getRecipientId())
                .setPeriods(periods).setMonthly(monthly).setLegalReference("Family Benefits Act § 1")
                .setExplanation("test").setDecidedAt(now()).build();
    }

    public static EntitlementChangedEvent changed(String entitlementId, long version, String benefit, String status,
            boolean monthly, String correlationId, List<EntitlementPeriod> periods, String reason) {
        return EntitlementChangedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(now()).setCorrelationId(correlationId)
                .setEntitlementId(entitlementId).setVersion(version).setDecisionId(UUID.randomUUID().toString())
                .setBenefit(benefit).setStatus(status).setRecipientId(periods.get(0).getRecipientId())
                .setPeriods(periods).setMonthly(monthly).setLegalReference("Family Benefits Act § 1")
                .setExplanation("test").setChangeReason(reason).setChangedAt(now()).build();
    }

    public static EntitlementStoppedEvent stopped(String entitlementId, long version, String benefit, String correlationId,
            LocalDate lastOwed) {
        return EntitlementStoppedEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(now()).setCorrelationId(correlationId)
                .setEntitlementId(entitlementId).setVersion(version).setDecisionId(UUID.randomUUID().toString())
                .setBenefit(benefit).setLastOwedDate(lastOwed).setReason("CHILD_DIED").setExplanation("test")
                .setStoppedAt(now()).build();
    }

    public static RecoveryClaimEvent claim(String entitlementId, String debtor, long cents, LocalDate from, LocalDate until) {
        return RecoveryClaimEvent.newBuilder()
                .setEventId(Events.newEventId()).setOccurredAt(now()).setCorrelationId(Events.newCorrelationId())
                .setClaimId(UUID.randomUUID().toString()).setEntitlementId(entitlementId).setDebtorId(debtor)
                .setPeriodStart(from).setPeriodEnd(until).setAmountCents(cents).setReason("RECIPIENT_DIED")
                .setDecisionId(UUID.randomUUID().toString()).setExplanation("Paid after the recipient's death")
                .build();
    }

    public static void publishEntitlement(TopicReader topics, org.apache.avro.specific.SpecificRecord event,
            String entitlementId) {
        topics.publish(Topics.ENTITLEMENTS, entitlementId, event);
    }

    /** Waits until the service holds the entitlement at the version. */
    public static void awaitVersion(String entitlementId, long version) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction
                .requiringNew().call(() -> {
                    EntitlementState state = EntitlementState.findById(UUID.fromString(entitlementId));
                    return state != null && state.version >= version;
                }));
    }

    /**
     * The payments announced on the topic by events of the type that announce many at once (a month planned, a file
     * sent, a report imported), waited for until at least {@code atLeast} of them match.
     */
    public static <T extends SpecificRecord> List<PaymentLine> awaitLines(TopicReader topics, Class<T> type,
            Predicate<PaymentLine> match, int atLeast) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> lines(topics.read(Topics.PAYMENTS, type)).stream().filter(match).toList(),
                        found -> found.size() >= atLeast);
    }

    /** The payment lines of events that announce many payments at once. */
    @SuppressWarnings("unchecked")
    public static List<PaymentLine> lines(List<? extends SpecificRecord> events) {
        return events.stream()
                .flatMap(e -> ((List<PaymentLine>) e.get(e.getSchema().getField("payments").pos())).stream())
                .toList();
    }

    public static List<Payment> payments(String entitlementId) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.<Payment> list(
                "entitlementId = ?1 order by periodStart, topUpVersion", UUID.fromString(entitlementId)));
    }

    /** Gives the person a payout account, as the citizen would in the portal. */
    public static void account(PayoutAccountService accounts, String personId, String iban) {
        accounts.setByCitizen(personId, iban, Events.newCorrelationId());
    }

    /** Runs a payment run to completion, first finishing any run another test left unfinished. */
    public static PaymentRun run(PaymentRuns runs, RunExecutor executor) {
        runs.unfinished().ifPresent(r -> executor.execute(r.runId));
        return executor.execute(runs.start("test", null).runId);
    }
}
