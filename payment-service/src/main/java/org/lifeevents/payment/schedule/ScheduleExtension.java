package org.lifeevents.payment.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.lifeevents.payment.entitlement.EntitlementState;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Extends the schedules of monthly entitlements into the current month, so that a month becomes a payment as soon as
 * it begins (and is paid on the payment day of the next month). Works in bounded batches, one transaction each, so it
 * scales to every entitlement of a country; a batch locks its entitlements, so it never races a consumer re-planning
 * one of them.
 */
@ApplicationScoped
public class ScheduleExtension {

    private static final Logger LOG = Logger.getLogger(ScheduleExtension.class);
    static final int BATCH = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentSchedule schedule;

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
        for (UUID id : ids) {
            EntitlementState state = EntitlementState.findById(id);
            schedule.plan(state);
            if (state.plannedThrough == null || state.plannedThrough.isBefore(month)) {
                state.plannedThrough = month;
            }
        }
        return ids.size();
    }
}
