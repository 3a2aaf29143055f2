package org.lifeevents.payment.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.entitlement.EntitlementState;
import org.lifeevents.payment.person.Person;

/**
 * Turns an entitlement's state into payments due, and re-plans them when the state changes. What has not been paid
 * follows the new state (amount, recipient, cancelled when no longer owed); what has been paid stays, and what is owed
 * beyond what was paid to the recipient now owed it adds one top-up of the difference per entitlement version (an
 * increase of a paid amount, or a month paid to someone else; a decrease is eligibility's recovery claim). Nothing is paid to a
 * person for a month after the month of their death: such a payment is held.
 * <p>
 * The database's unique (entitlement, period, top-up version) key decides whether a payment exists, so a redelivered
 * or repeated event can never schedule a second one. The entitlement's payments are locked while they are re-planned,
 * so a payment run cannot take one that is being changed, and a re-plan cannot change one a run has taken.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PaymentSchedule {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentEvents events;

    @Inject
    PaymentConfig config;

    @Inject
    Clock clock;

    public void plan(EntitlementState state) {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, OwedPlan.Owed> owed = OwedPlan.owed(state, today, config.run().monthlyPaymentDay()).stream()
                .collect(Collectors.toMap(OwedPlan.Owed::periodStart, o -> o, (a, b) -> a));
        Map<LocalDate, List<Payment>> existing = entityManager
                // a refund returns recovered money and pays nothing of a period: never netted against what is owed
                .createQuery("from Payment where entitlementId = ?1 and refundOfClaim is null", Payment.class)
                .setParameter(1, state.entitlementId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .collect(Collectors.groupingBy(p -> p.periodStart));
        Map<String, LocalDate> lastPayable = new HashMap<>();
        TreeSet<LocalDate> periods = new TreeSet<>(owed.keySet());
        periods.addAll(existing.keySet());
        List<Payment> added = new ArrayList<>();
        for (LocalDate period : periods) {
            reconcile(state, owed.get(period), existing.getOrDefault(period, List.of()), lastPayable, added);
        }
        insertAll(state, added);
        if (state.monthly) {
            state.plannedThrough = YearMonth.from(today).atDay(1);
        }
    }

    private void reconcile(EntitlementState state, OwedPlan.Owed owed, List<Payment> rows,
            Map<String, LocalDate> lastPayable, List<Payment> added) {
        if (owed == null) {
            rows.stream().filter(p -> Payment.PENDING.contains(p.status)).forEach(p -> cancel(p));
            return;
        }
        String status = held(owed.recipientId(), owed.periodStart(), lastPayable) ? Payment.HELD : Payment.SCHEDULED;
        // A re-issue waiting for a run was made for the version the bank refused; a new version plans what is unpaid
        // itself (the refused payment is not committed), so the waiting re-issue goes.
        rows.stream().filter(p -> p.isReissue() && Payment.PENDING.contains(p.status)
                && p.entitlementVersion < state.version).forEach(p -> cancel(p));
        Payment regular = rows.stream().filter(p -> p.topUpVersion == 0).findFirst().orElse(null);
        if (regular == null) {
            added.add(newPayment(state, owed, 0, owed.amountCents(), status));
            return;
        }
        if (Payment.PENDING.contains(regular.status)) {
            replan(regular, state, owed, owed.amountCents(), status);
            return;
        }
        // Owed is netted against what was paid to the person now owed: a month paid to someone else (a recipient who
        // had died, say) is still owed to this one, and what the other was paid is eligibility's recovery claim.
        String recipient = owed.recipientId();
        long committed = rows.stream().filter(p -> (Payment.COMMITTED.contains(p.status)
                || p.isReissue() && (Payment.SCHEDULED.equals(p.status) || Payment.HELD.equals(p.status)))
                && recipient.equals(p.recipientId)).mapToLong(p -> p.grossCents).sum();
        boolean failedAtThisVersion = rows.stream().anyMatch(p -> Payment.FAILED.equals(p.status)
                && p.entitlementVersion >= state.version && recipient.equals(p.recipientId));
        long difference = owed.amountCents() - committed;
        Payment mine = rows.stream().filter(p -> p.topUpVersion == state.version).findFirst().orElse(null);
        if (difference <= 0 || failedAtThisVersion) {
            // Paid in full (a decrease is recovered by eligibility's claim), or the bank refused this version's
            // payment: a failure is not retried until eligibility decides anew (a new version).
            rows.stream().filter(p -> p.isTopUp() && Payment.PENDING.contains(p.status)).forEach(p -> cancel(p));
            return;
        }
        // One top-up waiting at a time: the one of this version, else one still waiting from an earlier version
        // (re-planned to the new difference), else a new one for this version.
        Payment topUp = mine != null && Payment.PENDING.contains(mine.status) ? mine
                : rows.stream()
                        .filter(p -> p.isTopUp() && (Payment.SCHEDULED.equals(p.status) || Payment.HELD.equals(p.status)))
                        .findFirst().orElse(null);
        rows.stream().filter(p -> p.isTopUp() && p != topUp && Payment.PENDING.contains(p.status)).forEach(p -> cancel(p));
        if (topUp != null) {
            replan(topUp, state, owed, difference, status);
        } else if (mine == null) {
            added.add(newPayment(state, owed, state.version, difference, status));
        }
    }

    private boolean held(String recipientId, LocalDate periodStart, Map<String, LocalDate> lastPayable) {
        LocalDate last = lastPayable.computeIfAbsent(recipientId, id -> {
            Person person = Person.findById(id);
            return person == null || person.lastPayableDay() == null ? LocalDate.MAX : person.lastPayableDay();
        });
        return periodStart.isAfter(last);
    }

    private void replan(Payment payment, EntitlementState state, OwedPlan.Owed owed, long amount, String status) {
        boolean changed = payment.grossCents != amount || !payment.recipientId.equals(owed.recipientId())
                || !payment.status.equals(status) || !payment.dueDate.equals(owed.dueDate());
        payment.grossCents = amount;
        payment.offsetCents = 0;
        payment.amountCents = amount;
        payment.recipientId = owed.recipientId();
        payment.periodEnd = owed.periodEnd();
        payment.dueDate = owed.dueDate();
        payment.status = status;
        payment.entitlementVersion = state.version;
        payment.updatedAt = clock.instant();
        if (changed && Payment.SCHEDULED.equals(status)) {
            events.scheduled(payment);
        }
    }

    private void cancel(Payment payment) {
        if (!Payment.CANCELLED.equals(payment.status)) {
            payment.status = Payment.CANCELLED;
            payment.updatedAt = clock.instant();
        }
    }

    private static Payment newPayment(EntitlementState state, OwedPlan.Owed owed, long topUpVersion, long amount,
            String status) {
        Payment payment = new Payment();
        payment.paymentId = UUID.randomUUID();
        payment.entitlementId = state.entitlementId;
        payment.benefit = state.benefit;
        payment.recipientId = owed.recipientId();
        payment.periodStart = owed.periodStart();
        payment.periodEnd = owed.periodEnd();
        payment.topUpVersion = topUpVersion;
        payment.entitlementVersion = state.version;
        payment.grossCents = amount;
        payment.amountCents = amount;
        payment.status = status;
        payment.dueDate = owed.dueDate();
        payment.correlationId = state.correlationId;
        return payment;
    }

    /**
     * Inserts an entitlement's new payments in one statement, not one per payment, and announces the scheduled ones.
     * Plain JDBC on the transaction's connection: a native query through the session would flush the whole session
     * first, and the insert reads nothing the session holds. The unique key skips a payment that exists already.
     */
    private void insertAll(EntitlementState state, List<Payment> added) {
        if (added.isEmpty()) {
            return;
        }
        Set<UUID> inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                         top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                         status, due_date, correlation_id)
                    select n.payment_id, ?, ?, n.recipient_id, n.period_start::date, n.period_end::date,
                           n.top_up_version, ?, n.amount, 0, n.amount, n.status, n.due_date::date, ?
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                                ?::text[])
                         as n(payment_id, recipient_id, period_start, period_end, top_up_version, amount, status,
                              due_date)
                    on conflict (entitlement_id, period_start, top_up_version) do nothing
                    returning payment_id
                    """)) {
                insert.setObject(1, state.entitlementId);
                insert.setString(2, state.benefit);
                insert.setLong(3, state.version);
                insert.setString(4, state.correlationId);
                insert.setArray(5, connection.createArrayOf("uuid", added.stream().map(p -> p.paymentId).toArray()));
                insert.setArray(6, connection.createArrayOf("text", added.stream().map(p -> p.recipientId).toArray()));
                insert.setArray(7, connection.createArrayOf("text",
                        added.stream().map(p -> p.periodStart.toString()).toArray()));
                insert.setArray(8, connection.createArrayOf("text",
                        added.stream().map(p -> p.periodEnd.toString()).toArray()));
                insert.setArray(9, connection.createArrayOf("bigint", added.stream().map(p -> p.topUpVersion).toArray()));
                insert.setArray(10, connection.createArrayOf("bigint", added.stream().map(p -> p.amountCents).toArray()));
                insert.setArray(11, connection.createArrayOf("text", added.stream().map(p -> p.status).toArray()));
                insert.setArray(12, connection.createArrayOf("text",
                        added.stream().map(p -> p.dueDate.toString()).toArray()));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        added.stream()
                .filter(p -> inserted.contains(p.paymentId) && Payment.SCHEDULED.equals(p.status))
                .forEach(events::scheduled);
    }

    /**
     * Holds the person's unpaid payments for periods after {@code lastPayable} (the end of the month of their death),
     * and releases held ones up to it; a null {@code lastPayable} (no death) releases all. Returns the payments held.
     */
    public int applyDeathGuard(String personId, LocalDate lastPayable) {
        LocalDate last = lastPayable == null ? LocalDate.of(9999, 12, 31) : lastPayable;
        entityManager.createQuery("""
                update Payment set status = 'SCHEDULED', updatedAt = ?3
                where recipientId = ?1 and status = 'HELD' and periodStart <= ?2
                """)
                .setParameter(1, personId).setParameter(2, last).setParameter(3, clock.instant())
                .executeUpdate();
        return entityManager.createQuery("""
                update Payment set status = 'HELD', updatedAt = ?3
                where recipientId = ?1 and status = 'SCHEDULED' and periodStart > ?2
                """)
                .setParameter(1, personId).setParameter(2, last).setParameter(3, clock.instant())
                .executeUpdate();
    }
}
