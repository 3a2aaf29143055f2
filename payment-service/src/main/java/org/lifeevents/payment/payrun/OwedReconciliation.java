package org.lifeevents.payment.payrun;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/**
 * Reconciles payments with entitlements, per benefit, for everything due by today: what the entitlements say is owed
 * (computed afresh from their latest state with the same rule the schedule is planned by), against what is paid
 * (committed to a run), scheduled (due, waiting for a run or an account), held (recipient died) and failed. Entitlements
 * are read page by page, so the report needs no memory proportional to their number.
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

    /** One benefit's figures, in cents; {@code difference} is owed less paid, scheduled and held. */
    public record BenefitReconciliation(String benefit, long owedCents, long paidCents, long scheduledCents,
            long heldCents, long failedCents, long differenceCents) {
    }

    /** The whole reconciliation as of a day. */
    public record Report(LocalDate asOf, List<BenefitReconciliation> benefits) {
    }

    public Report asOf() {
        LocalDate today = LocalDate.now(clock);
        Map<String, long[]> figures = new TreeMap<>();
        UUID after = new UUID(0, 0);
        while (true) {
            List<EntitlementState> page = entityManager.createQuery(
                    "from EntitlementState where entitlementId > ?1 order by entitlementId", EntitlementState.class)
                    .setParameter(1, after).setMaxResults(PAGE).getResultList();
            for (EntitlementState state : page) {
                long owed = OwedPlan.owed(state, today, config.run().monthlyPaymentDay()).stream()
                        .filter(o -> !o.dueDate().isAfter(today)).mapToLong(OwedPlan.Owed::amountCents).sum();
                figures.computeIfAbsent(state.benefit, b -> new long[5])[0] += owed;
                after = state.entitlementId;
            }
            entityManager.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select benefit,
                       coalesce(sum(gross_cents) filter (where status in ('IN_RUN', 'OFFSET', 'SENT', 'SETTLED')), 0),
                       coalesce(sum(gross_cents) filter (where status = 'SCHEDULED'), 0),
                       coalesce(sum(gross_cents) filter (where status = 'HELD'), 0),
                       coalesce(sum(gross_cents) filter (where status = 'FAILED'), 0)
                from payment where due_date <= ?1 group by benefit
                """).setParameter(1, today).getResultList();
        for (Object[] row : rows) {
            long[] f = figures.computeIfAbsent((String) row[0], b -> new long[5]);
            for (int i = 1; i <= 4; i++) {
                f[i] += ((Number) row[i]).longValue();
            }
        }
        return new Report(today, figures.entrySet().stream().map(e -> {
            long[] f = e.getValue();
            return new BenefitReconciliation(e.getKey(), f[0], f[1], f[2], f[3], f[4], f[0] - f[1] - f[2] - f[3]);
        }).toList());
    }
}
