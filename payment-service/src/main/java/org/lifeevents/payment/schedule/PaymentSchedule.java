package org.lifeevents.payment.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

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
                .createQuery("from Payment where entitlementId = ?1", Payment.class)
                .setParameter(1, state.entitlementId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .collect(Collectors.groupingBy(p -> p.periodStart));
        Map<String, LocalDate> lastPayable = new HashMap<>();
        TreeSet<LocalDate> periods = new TreeSet<>(owed.keySet());
        periods.addAll(existing.keySet());
        for (LocalDate period : periods) {
            reconcile(state, owed.get(period), existing.getOrDefault(period, List.of()), lastPayable);
        }
        if (state.monthly) {
            state.plannedThrough = YearMonth.from(today).atDay(1);
        }
    }

    private void reconcile(EntitlementState state, OwedPlan.Owed owed, List<Payment> rows,
            Map<String, LocalDate> lastPayable) {
        if (owed == null) {
            rows.stream().filter(p -> Payment.PENDING.contains(p.status)).forEach(p -> cancel(p));
            return;
        }
        String status = held(owed.recipientId(), owed.periodStart(), lastPayable) ? Payment.HELD : Payment.SCHEDULED;
        Payment regular = rows.stream().filter(p -> !p.isTopUp()).findFirst().orElse(null);
        if (regular == null) {
            insert(state, owed, 0, owed.amountCents(), status);
            return;
        }
        if (Payment.PENDING.contains(regular.status)) {
            replan(regular, state, owed, owed.amountCents(), status);
            return;
        }
        // Owed is netted against what was paid to the person now owed: a month paid to someone else (a recipient who
        // had died, say) is still owed to this one, and what the other was paid is eligibility's recovery claim.
        String recipient = owed.recipientId();
        long committed = rows.stream().filter(p -> Payment.COMMITTED.contains(p.status) && recipient.equals(p.recipientId))
                .mapToLong(p -> p.grossCents).sum();
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
            insert(state, owed, state.version, difference, status);
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

    private void insert(EntitlementState state, OwedPlan.Owed owed, long topUpVersion, long amount, String status) {
        UUID paymentId = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                     top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                     status, due_date, correlation_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?9, ?10, ?11, ?12)
                on conflict (entitlement_id, period_start, top_up_version) do nothing
                """)
                .setParameter(1, paymentId)
                .setParameter(2, state.entitlementId)
                .setParameter(3, state.benefit)
                .setParameter(4, owed.recipientId())
                .setParameter(5, owed.periodStart())
                .setParameter(6, owed.periodEnd())
                .setParameter(7, topUpVersion)
                .setParameter(8, state.version)
                .setParameter(9, amount)
                .setParameter(10, status)
                .setParameter(11, owed.dueDate())
                .setParameter(12, state.correlationId)
                .executeUpdate();
        if (inserted == 1 && Payment.SCHEDULED.equals(status)) {
            events.scheduled(Payment.findById(paymentId));
        }
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
