package org.lifeevents.payment.payrun;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.payment.PaymentConfig;
import org.lifeevents.payment.entitlement.EntitlementState;
import org.lifeevents.payment.schedule.OwedPlan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reconciles payments with entitlements, per benefit, for everything due by today: what the entitlements say is owed
 * (computed afresh from their latest state with the same rule the schedule is planned by), against what is paid
 * (committed to a run), scheduled (due, waiting for a run or an account), held (recipient died) and failed. A refund
 * of recovered money pays nothing owed for a period, so it is not counted.
 * <p>
 * Owed and paid are compared per entitlement and recipient, not only summed per benefit: a month paid to a mother whose
 * death was registered late, and owed to the father, is money paid to someone not owed it and money owed to someone not
 * paid, which a sum over everyone would cancel out. Entitlements are read page by page with their payments, so the
 * report needs no memory proportional to their number.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class OwedReconciliation {

    private static final int PAGE = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /**
     * One benefit's figures, in cents; {@code difference} is owed less paid, scheduled and held, over everyone.
     *
     * @param paidNotOwedCents paid, scheduled or held for a recipient beyond what the entitlement owes that recipient
     *        (eligibility's recovery claims are what brings it back)
     * @param owedNotPaidCents owed to a recipient beyond what was paid, scheduled or held for that recipient
     * @param recipientsDiffering how many (entitlement, recipient) pairs have either
     */
    public record BenefitReconciliation(String benefit, long owedCents, long paidCents, long scheduledCents,
            long heldCents, long failedCents, long differenceCents, long paidNotOwedCents, long owedNotPaidCents,
            long recipientsDiffering) {
    }

    /** The whole reconciliation as of a day. */
    public record Report(LocalDate asOf, List<BenefitReconciliation> benefits) {
    }

    /** One benefit's running sums. */
    private static final class Figures {
        long owed;
        long paid;
        long scheduled;
        long held;
        long failed;
        long paidNotOwed;
        long owedNotPaid;
        long recipientsDiffering;
    }

    /** What was paid, scheduled, held and failed for one recipient of one entitlement. */
    private record Paid(long paid, long scheduled, long held, long failed) {
    }

    public Report asOf() {
        return report(null);
    }

    /**
     * The same comparison for the entitlements a run paid, owed and paid (by any run) per entitlement and recipient, so
     * a run that paid a month to someone no longer owed it, or left someone owed unpaid, says so: computed when the run
     * completes and kept on the run. Outside any transaction, page by page: a monthly
     * run's million entitlements take longer than a transaction may last, and the payments of a completed run no longer
     * change. Computing it again (a resumed run) replaces it.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void keepForRun(UUID runId) {
        String json;
        try {
            json = mapper.writeValueAsString(report(runId).benefits());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the run's reconciliation", e);
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update payment_run set owed_by_recipient = cast(?1 as jsonb) where run_id = ?2")
                .setParameter(1, json).setParameter(2, runId).executeUpdate());
    }

    /** The comparison kept for the run when it completed; empty while it is not (yet) kept. */
    public Optional<List<BenefitReconciliation>> keptForRun(UUID runId) {
        @SuppressWarnings("unchecked")
        List<String> kept = entityManager.createNativeQuery(
                "select cast(owed_by_recipient as text) from payment_run where run_id = ?1 and owed_by_recipient is not null",
                String.class).setParameter(1, runId).getResultList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(kept.get(0), new TypeReference<List<BenefitReconciliation>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the run's kept reconciliation", e);
        }
    }

    private Report report(UUID runId) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Figures> figures = new TreeMap<>();
        UUID after = new UUID(0, 0);
        while (true) {
            var query = runId == null
                    ? entityManager.createQuery("from EntitlementState where entitlementId > ?1 order by entitlementId",
                            EntitlementState.class)
                    : entityManager.createQuery("""
                            from EntitlementState e where e.entitlementId > ?1
                            and exists (select 1 from Payment p where p.entitlementId = e.entitlementId and p.runId = ?2)
                            order by e.entitlementId""", EntitlementState.class).setParameter(2, runId);
            List<EntitlementState> page = query.setParameter(1, after).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, Map<String, Paid>> paid = paidOf(page.stream().map(s -> s.entitlementId).toList(), today);
            for (EntitlementState state : page) {
                Map<String, Long> owed = new HashMap<>();
                OwedPlan.owed(state, today, config.run().monthlyPaymentDay()).stream()
                        .filter(o -> !o.dueDate().isAfter(today))
                        .forEach(o -> owed.merge(o.recipientId(), o.amountCents(), Long::sum));
                add(figures.computeIfAbsent(state.benefit, b -> new Figures()), owed,
                        paid.getOrDefault(state.entitlementId, Map.of()));
                after = state.entitlementId;
            }
            entityManager.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Report(today, figures.entrySet().stream().map(e -> {
            Figures f = e.getValue();
            return new BenefitReconciliation(e.getKey(), f.owed, f.paid, f.scheduled, f.held, f.failed,
                    f.owed - f.paid - f.scheduled - f.held, f.paidNotOwed, f.owedNotPaid, f.recipientsDiffering);
        }).toList());
    }

    private static void add(Figures f, Map<String, Long> owed, Map<String, Paid> paid) {
        Set<String> recipients = new HashSet<>(owed.keySet());
        recipients.addAll(paid.keySet());
        for (String recipient : recipients) {
            long owedTo = owed.getOrDefault(recipient, 0L);
            Paid p = paid.getOrDefault(recipient, new Paid(0, 0, 0, 0));
            long coming = p.paid() + p.scheduled() + p.held();
            f.owed += owedTo;
            f.paid += p.paid();
            f.scheduled += p.scheduled();
            f.held += p.held();
            f.failed += p.failed();
            if (coming > owedTo) {
                f.paidNotOwed += coming - owedTo;
            } else {
                f.owedNotPaid += owedTo - coming;
            }
            if (coming != owedTo) {
                f.recipientsDiffering++;
            }
        }
    }

    /** The page's payments due by today, summed per entitlement and recipient by status, in one query. */
    private Map<UUID, Map<String, Paid>> paidOf(List<UUID> entitlementIds, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select entitlement_id, recipient_id,
                       coalesce(sum(gross_cents) filter (where status in ('IN_RUN', 'OFFSET', 'SENT', 'SETTLED')), 0),
                       coalesce(sum(gross_cents) filter (where status = 'SCHEDULED'), 0),
                       coalesce(sum(gross_cents) filter (where status = 'HELD'), 0),
                       coalesce(sum(gross_cents) filter (where status = 'FAILED'), 0)
                from payment
                where entitlement_id = any(cast(?1 as uuid[])) and due_date <= ?2 and refund_of_claim is null
                group by entitlement_id, recipient_id
                """).setParameter(1, entitlementIds.toArray(UUID[]::new)).setParameter(2, today).getResultList();
        Map<UUID, Map<String, Paid>> paid = new HashMap<>();
        for (Object[] row : rows) {
            paid.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1],
                    new Paid(n(row[2]), n(row[3]), n(row[4]), n(row[5])));
        }
        return paid;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
