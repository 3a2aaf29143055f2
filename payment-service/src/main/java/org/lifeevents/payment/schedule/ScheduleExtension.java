package org.lifeevents.payment.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.Session;
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
 * month) only gains the new month, so it is planned in SQL, one statement per batch: the period that holds the month
 * is picked from the entitlement's periods by the same rule as the full plan ({@link OwedPlan#month}), a payment for a
 * month after the month of the recipient's death is held ({@link Person#lastPayableDay}), a month already scheduled is
 * skipped, and the entitlements are recorded as planned through the month. Nothing is read into Java but the payments
 * inserted, which are announced together (a few events per batch, not one per payment). Anything else (never planned,
 * or months behind) is re-planned in full, one entitlement at a time.
 */
@ApplicationScoped
public class ScheduleExtension {

    private static final Logger LOG = Logger.getLogger(ScheduleExtension.class);
    /** Entitlements planned in SQL per transaction: bounds the events a transaction buffers for the outbox. */
    static final int MONTH_BATCH = 10_000;
    /** Entitlements re-planned in full per transaction. */
    static final int BATCH = 2000;

    /**
     * Plans a month for the next batch of entitlements planned through last month, in one statement: takes the batch
     * (by entitlement id after a cursor, {@code for update skip locked} so it never races a consumer re-planning one),
     * records it as planned through the month and inserts the month's payment where one is owed. The period that holds
     * the month is the first covering its first day, else the first starting within it ({@link OwedPlan#holding}); held
     * when the recipient died before the month. Its first row says how many entitlements it took and the last of them
     * (the cursor's next position), with the first payment inserted if any; every other row is a payment.
     * <p>
     * The batch was once read into Java and passed back as an array: a round trip of its ids, and an update the planner
     * ran as a scan of every entitlement per batch (the array's ten thousand ids looked like a tenth of the table), so
     * a country's month cost a scan of the table per ten thousand entitlements. The update now takes its rows from the
     * batch as an array built once ({@code any(array(select ...))}, an index probe per id). The batch is not a column of
     * {@code params}, which is joined to every payment: a column there can be copied for each row it is joined to (with
     * the ids from a subquery there, a batch took 7 s instead of 0.8 s).
     * <p>
     * The recipient is read from the periods as {@code bpchar}, the type of {@code person.person_id}: compared as text,
     * the column was cast for each row and the death check scanned every person once per payment (with 100,000
     * people, 2,000 entitlements took 15.2 s instead of 0.18 s).
     */
    private static final String PLAN_MONTH = """
            with params as (
                select ?::date as first_day, ?::date as last_day, ?::date as due, ?::timestamptz as planned_at
            ), batch as (
                select entitlement_id from entitlement
                where monthly and status in ('GRANTED', 'STOPPED') and planned_through = ?::date
                  and (status = 'GRANTED' or last_owed_date >= planned_through)
                  and entitlement_id > ?
                order by entitlement_id
                limit ?
                for update skip locked
            ), moved as (
                update entitlement e set planned_through = params.first_day
                from params
                where e.entitlement_id = any(array(select entitlement_id from batch))
                returning e.entitlement_id, e.benefit, e.version, e.correlation_id, e.status, e.last_owed_date,
                          case when jsonb_typeof(e.periods) = 'array' then e.periods else '[]'::jsonb end as periods
            ), owed as (
                select m.entitlement_id, m.benefit, m.version, m.correlation_id, h.amount, h.recipient
                from moved m
                cross join params
                cross join lateral (
                    select (t.p ->> 'amountCents')::bigint as amount, (t.p ->> 'recipientId')::bpchar as recipient
                    from jsonb_array_elements(m.periods) with ordinality as t(p, n)
                    cross join lateral (select (t.p ->> 'fromDate')::date as from_date,
                                               (t.p ->> 'untilDate')::date as until_date) as d
                    cross join lateral (select d.from_date <= params.first_day
                                               and (d.until_date is null or d.until_date >= params.first_day)
                                               as covering) as c
                    where c.covering or d.from_date between params.first_day and params.last_day
                    order by c.covering desc, t.n
                    limit 1) as h
                where m.status = 'GRANTED' or m.status = 'STOPPED' and m.last_owed_date >= params.first_day
            ), inserted as (
                insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                     top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                     status, due_date, correlation_id, updated_at)
                select payment_uuid(), o.entitlement_id, o.benefit, o.recipient, params.first_day, params.last_day, 0,
                       o.version, o.amount, 0, o.amount,
                       case when exists (select 1 from person d where d.person_id = o.recipient
                                         and d.date_of_death is not null
                                         and params.first_day >= (date_trunc('month', d.date_of_death)
                                                                  + interval '1 month')::date)
                            then 'HELD' else 'SCHEDULED' end,
                       params.due, o.correlation_id, params.planned_at
                from owed o cross join params
                on conflict (entitlement_id, period_start, top_up_version) do nothing
                returning payment_id, entitlement_id, benefit, recipient_id, amount_cents, status, correlation_id,
                          entitlement_version
            )
            select taken.entitlements, taken.last, i.payment_id, i.entitlement_id, i.benefit, i.recipient_id,
                   i.amount_cents, i.status, i.correlation_id, i.entitlement_version
            from (select count(*) as entitlements,
                         (select entitlement_id from batch order by entitlement_id desc limit 1) as last
                  from batch) as taken
            left join inserted i on true
            """;

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

    /** Extends every schedule that ends before the current month; returns how many entitlements it planned. */
    public int extendAll() {
        return catchUp() + planThisMonth();
    }

    /**
     * Re-plans in full every schedule more than a month behind (or never planned): what it plans can be due already,
     * so a payment run does this before it assigns anything. Returns how many entitlements it re-planned.
     */
    public int catchUp() {
        LocalDate month = YearMonth.now(clock).atDay(1);
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> replanBehind(month));
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Re-planned %d monthly schedules that were behind %s", total, YearMonth.from(month));
        }
        return total;
    }

    /**
     * Plans the current month for every schedule planned through last month. What it plans is due next month, so a
     * payment run can do this beside assigning and sending what is due today. Returns how many entitlements it planned.
     */
    public int planThisMonth() {
        YearMonth month = YearMonth.now(clock);
        int total = 0;
        int done;
        UUID[] after = { new UUID(0, 0) };
        do {
            done = QuarkusTransaction.requiringNew().call(() -> planMonth(month, after));
            total += done;
        } while (done == MONTH_BATCH);
        if (total > 0) {
            LOG.infof("Extended %d monthly schedules through %s", total, month);
        }
        return total;
    }

    /**
     * Plans the month for the next batch of schedules planned through last month (by entitlement id after
     * {@code after[0]}, which moves on); returns how many entitlements it took.
     */
    int planMonth(YearMonth month, UUID[] after) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        YearMonth next = month.plusMonths(1);
        LocalDate due = next.atDay(Math.min(config.run().monthlyPaymentDay(), next.lengthOfMonth()));
        List<Payment> inserted = new ArrayList<>();
        int taken = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement plan = connection.prepareStatement(PLAN_MONTH)) {
                plan.setObject(1, first);
                plan.setObject(2, last);
                plan.setObject(3, due);
                plan.setTimestamp(4, Timestamp.from(clock.instant()));
                plan.setObject(5, first.minusMonths(1));
                plan.setObject(6, after[0]);
                plan.setInt(7, MONTH_BATCH);
                int entitlements = 0;
                try (ResultSet rs = plan.executeQuery()) {
                    while (rs.next()) {
                        if (entitlements == 0) {
                            entitlements = rs.getInt(1);
                            if (entitlements > 0) {
                                // The database's order, not UUID.compareTo's (signed halves): the keyset moves on in
                                // SQL terms.
                                after[0] = rs.getObject(2, UUID.class);
                            }
                        }
                        UUID paymentId = rs.getObject(3, UUID.class);
                        if (paymentId == null) {
                            continue;
                        }
                        Payment payment = new Payment();
                        payment.paymentId = paymentId;
                        payment.entitlementId = rs.getObject(4, UUID.class);
                        payment.benefit = rs.getString(5);
                        payment.recipientId = rs.getString(6);
                        payment.amountCents = rs.getLong(7);
                        payment.status = rs.getString(8);
                        payment.correlationId = rs.getString(9);
                        payment.entitlementVersion = rs.getLong(10);
                        payment.periodStart = first;
                        payment.periodEnd = last;
                        payment.dueDate = due;
                        inserted.add(payment);
                    }
                }
                return entitlements;
            } catch (SQLException e) {
                throw new PersistenceException("Could not plan " + month + " after entitlement " + after[0], e);
            }
        });
        if (taken > 0) {
            events.scheduled(inserted.stream().filter(p -> Payment.SCHEDULED.equals(p.status)).toList(), first, due);
        }
        return taken;
    }

    /** Re-plans in full the next batch of schedules more than a month behind (or never planned). */
    int replanBehind(LocalDate month) {
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
                .setParameter(1, month.minusMonths(1))
                .setParameter(2, BATCH)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<EntitlementState> states = entityManager
                .createQuery("from EntitlementState where entitlementId in :ids", EntitlementState.class)
                .setParameter("ids", ids).getResultList();
        for (EntitlementState state : states) {
            schedule.plan(state);
            if (state.plannedThrough == null || state.plannedThrough.isBefore(month)) {
                state.plannedThrough = month;
            }
        }
        return ids.size();
    }
}
