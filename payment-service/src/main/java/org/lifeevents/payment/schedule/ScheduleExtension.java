package org.lifeevents.payment.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.entitlement.EntitlementState;
import org.lifeevents.payment.person.Person;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Extends the schedules of monthly entitlements into the current month, so that a month becomes a payment as soon as
 * it begins (and is paid on the payment day of the next month). Works in bounded batches, one transaction each, so it
 * scales to every entitlement of a country; a batch locks its entitlements, so it never races a consumer re-planning
 * one of them.
 * <p>
 * A schedule planned through last month (the monthly case: every event re-plans an entitlement through the current
 * month) only gains the new month, so the batch writes those months set-based: the month owed is decided by the same
 * rule as the full plan ({@link OwedPlan#month}, {@link Person#lastPayableDay}), and the batch's payments are inserted
 * in one statement that skips a month already scheduled. Anything else (never planned, or months behind) is re-planned
 * in full, one entitlement at a time, as before.
 */
@ApplicationScoped
public class ScheduleExtension {

    private static final Logger LOG = Logger.getLogger(ScheduleExtension.class);
    static final int BATCH = 2000;

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentSchedule schedule;

    @Inject
    PaymentEvents events;

    @Inject
    PaymentConfig config;

    @Inject
    Clock clock;

    /** Extends every schedule that ends before the current month; returns how many entitlements it re-planned. */
    public int extendAll() {
        LocalDate month = YearMonth.now(clock).atDay(1);
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> extendBatch(month));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Extended %d monthly schedules through %s", total, month);
        }
        return total;
    }

    int extendBatch(LocalDate month) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                select entitlement_id from entitlement
                where monthly and status in ('GRANTED', 'STOPPED')
                  and (planned_through is null or planned_through < ?1)
                  and (status = 'GRANTED' or last_owed_date >= coalesce(planned_through, date '0001-01-01'))
                order by entitlement_id
                limit ?2
                for update skip locked
                """, UUID.class)
                .setParameter(1, month)
                .setParameter(2, BATCH)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        LocalDate previous = month.minusMonths(1);
        List<EntitlementState> states = entityManager
                .createQuery("from EntitlementState where entitlementId in :ids", EntitlementState.class)
                .setParameter("ids", ids).getResultList();
        List<EntitlementState> oneMonth = new ArrayList<>();
        Session session = entityManager.unwrap(Session.class);
        for (EntitlementState state : states) {
            if (previous.equals(state.plannedThrough)) {
                // Read only: their new month is recorded in one statement below, not one update per entitlement.
                session.setReadOnly(state, true);
                oneMonth.add(state);
                continue;
            }
            schedule.plan(state);
            if (state.plannedThrough == null || state.plannedThrough.isBefore(month)) {
                state.plannedThrough = month;
            }
        }
        scheduleMonth(oneMonth, YearMonth.from(month));
        if (!oneMonth.isEmpty()) {
            UUID[] planned = oneMonth.stream().map(state -> state.entitlementId).toArray(UUID[]::new);
            session.doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update entitlement set planned_through = ? where entitlement_id = any(?)")) {
                    update.setObject(1, month);
                    update.setArray(2, connection.createArrayOf("uuid", planned));
                    update.executeUpdate();
                }
            });
        }
        return ids.size();
    }

    /** The month's payment for each schedule planned through last month, in one insert. */
    private void scheduleMonth(List<EntitlementState> states, YearMonth month) {
        List<OwedMonth> owed = new ArrayList<>();
        for (EntitlementState state : states) {
            OwedPlan.month(state, month, config.run().monthlyPaymentDay())
                    .ifPresent(o -> owed.add(new OwedMonth(state, o)));
        }
        if (owed.isEmpty()) {
            return;
        }
        Map<String, LocalDate> lastPayable = lastPayableDays(owed.stream().map(o -> o.owed().recipientId()).distinct()
                .toList());
        int size = owed.size();
        UUID[] paymentIds = new UUID[size];
        UUID[] entitlementIds = new UUID[size];
        String[] benefits = new String[size];
        String[] recipients = new String[size];
        Long[] versions = new Long[size];
        Long[] amounts = new Long[size];
        String[] statuses = new String[size];
        String[] correlationIds = new String[size];
        for (int i = 0; i < size; i++) {
            OwedMonth o = owed.get(i);
            LocalDate last = lastPayable.get(o.owed().recipientId());
            paymentIds[i] = UUID.randomUUID();
            entitlementIds[i] = o.state().entitlementId;
            benefits[i] = o.state().benefit;
            recipients[i] = o.owed().recipientId();
            versions[i] = o.state().version;
            amounts[i] = o.owed().amountCents();
            statuses[i] = last != null && month.atDay(1).isAfter(last) ? Payment.HELD : Payment.SCHEDULED;
            correlationIds[i] = o.state().correlationId;
        }
        OwedPlan.Owed first = owed.get(0).owed();
        Session session = entityManager.unwrap(Session.class);
        List<Payment> inserted = session.doReturningWork(connection -> insert(connection, paymentIds, entitlementIds,
                benefits, recipients, versions, amounts, statuses, correlationIds, first));
        for (Payment payment : inserted) {
            if (Payment.SCHEDULED.equals(payment.status)) {
                events.scheduled(payment);
            }
        }
    }

    private List<Payment> insert(Connection connection, UUID[] paymentIds, UUID[] entitlementIds, String[] benefits,
            String[] recipients, Long[] versions, Long[] amounts, String[] statuses, String[] correlationIds,
            OwedPlan.Owed month) {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                     top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                     status, due_date, correlation_id, updated_at)
                select r.payment_id, r.entitlement_id, r.benefit, r.recipient_id, ?, ?, 0, r.version, r.amount, 0,
                       r.amount, r.status, ?, r.correlation_id, ?
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
                     as r(payment_id, entitlement_id, benefit, recipient_id, version, amount, status, correlation_id)
                on conflict (entitlement_id, period_start, top_up_version) do nothing
                returning payment_id, entitlement_id, benefit, recipient_id, amount_cents, status, correlation_id
                """)) {
            int i = 1;
            insert.setObject(i++, month.periodStart());
            insert.setObject(i++, month.periodEnd());
            insert.setObject(i++, month.dueDate());
            insert.setTimestamp(i++, Timestamp.from(clock.instant()));
            insert.setArray(i++, connection.createArrayOf("uuid", paymentIds));
            insert.setArray(i++, connection.createArrayOf("uuid", entitlementIds));
            insert.setArray(i++, connection.createArrayOf("text", benefits));
            insert.setArray(i++, connection.createArrayOf("text", recipients));
            insert.setArray(i++, connection.createArrayOf("bigint", versions));
            insert.setArray(i++, connection.createArrayOf("bigint", amounts));
            insert.setArray(i++, connection.createArrayOf("text", statuses));
            insert.setArray(i++, connection.createArrayOf("text", correlationIds));
            List<Payment> inserted = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    Payment payment = new Payment();
                    payment.paymentId = rs.getObject(1, UUID.class);
                    payment.entitlementId = rs.getObject(2, UUID.class);
                    payment.benefit = rs.getString(3);
                    payment.recipientId = rs.getString(4);
                    payment.amountCents = rs.getLong(5);
                    payment.status = rs.getString(6);
                    payment.correlationId = rs.getString(7);
                    payment.periodStart = month.periodStart();
                    payment.periodEnd = month.periodEnd();
                    payment.dueDate = month.dueDate();
                    inserted.add(payment);
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new PersistenceException("Could not schedule " + paymentIds.length + " payments", e);
        }
    }

    /** The last day anything may be paid to each recipient who has died (absent: alive, or unknown here). */
    private Map<String, LocalDate> lastPayableDays(List<String> recipients) {
        Map<String, LocalDate> last = new HashMap<>();
        entityManager.createQuery("from Person where personId in :ids and dateOfDeath is not null", Person.class)
                .setParameter("ids", recipients).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()
                .forEach(p -> Optional.ofNullable(p.lastPayableDay()).ifPresent(day -> last.put(p.personId, day)));
        return last;
    }

    private record OwedMonth(EntitlementState state, OwedPlan.Owed owed) {
    }
}
