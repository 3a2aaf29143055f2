package org.lifeevents.payment.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.lifeevents.payment.entitlement.EntitlementState;

/**
 * What an entitlement's state says is owed, period by period, up to a month: the pure rule the schedule is planned
 * from. Only a GRANTED entitlement is owed anything; a STOPPED one what it was owed up to its last owed date. A one-off
 * benefit is due on the day it was granted (the next daily run); a monthly one for each calendar month its periods
 * cover, paid in arrears on the payment day of the following month, at the amount and to the recipient of the period
 * that holds on the 1st of that month.
 */
public final class OwedPlan {

    private OwedPlan() {
    }

    /** One period owed: a month, or the day of a one-off benefit. */
    public record Owed(LocalDate periodStart, LocalDate periodEnd, long amountCents, String recipientId, LocalDate dueDate) {
    }

    /**
     * @param today the business date: months are planned through its month (later ones when they come), and a one-off
     *        whose grant date is unknown is due on it
     * @param paymentDay the day of the next month a monthly benefit is paid on
     */
    public static List<Owed> owed(EntitlementState state, LocalDate today, int paymentDay) {
        boolean granted = EntitlementState.GRANTED.equals(state.status);
        boolean stopped = EntitlementState.STOPPED.equals(state.status);
        if (!granted && !(stopped && state.lastOwedDate != null) || state.periods == null) {
            return List.of();
        }
        LocalDate lastOwed = stopped ? state.lastOwedDate : null;
        List<Owed> owed = new ArrayList<>();
        if (!state.monthly) {
            LocalDate due = state.grantedOn == null ? today : state.grantedOn;
            for (EntitlementState.Period period : state.periods) {
                if (lastOwed == null || !period.fromDate().isAfter(lastOwed)) {
                    LocalDate end = period.untilDate() == null ? period.fromDate() : period.untilDate();
                    owed.add(new Owed(period.fromDate(), end, period.amountCents(), period.recipientId(), due));
                }
            }
            return owed;
        }
        YearMonth first = state.periods.stream().map(p -> YearMonth.from(p.fromDate())).min(Comparator.naturalOrder())
                .orElse(null);
        if (first == null) {
            return owed;
        }
        YearMonth through = YearMonth.from(today);
        for (YearMonth month = first; !month.isAfter(through); month = month.plusMonths(1)) {
            if (lastOwed != null && month.atDay(1).isAfter(lastOwed)) {
                break;
            }
            month(state, month, paymentDay).ifPresent(owed::add);
        }
        return owed;
    }

    /**
     * What a monthly entitlement is owed for one month, by the same rule as {@link #owed}: nothing unless GRANTED, or
     * STOPPED with the month starting on or before its last owed date; else the period holding the month, paid on the
     * payment day of the next month.
     */
    public static Optional<Owed> month(EntitlementState state, YearMonth month, int paymentDay) {
        boolean granted = EntitlementState.GRANTED.equals(state.status);
        boolean stopped = EntitlementState.STOPPED.equals(state.status);
        if (!state.monthly || state.periods == null || !granted && !(stopped && state.lastOwedDate != null)
                || stopped && month.atDay(1).isAfter(state.lastOwedDate)) {
            return Optional.empty();
        }
        EntitlementState.Period period = holding(state.periods, month);
        if (period == null) {
            return Optional.empty();
        }
        LocalDate due = month.plusMonths(1).atDay(Math.min(paymentDay, month.plusMonths(1).lengthOfMonth()));
        return Optional.of(new Owed(month.atDay(1), month.atEndOfMonth(), period.amountCents(), period.recipientId(), due));
    }

    /** The period that holds for the month: the one covering its 1st, else one that starts within it. */
    static EntitlementState.Period holding(List<EntitlementState.Period> periods, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        EntitlementState.Period within = null;
        for (EntitlementState.Period period : periods) {
            boolean started = !period.fromDate().isAfter(first);
            boolean notEnded = period.untilDate() == null || !period.untilDate().isBefore(first);
            if (started && notEnded) {
                return period;
            }
            if (within == null && !period.fromDate().isBefore(first) && !period.fromDate().isAfter(last)) {
                within = period;
            }
        }
        return within;
    }
}
