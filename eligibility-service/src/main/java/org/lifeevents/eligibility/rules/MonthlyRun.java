package org.lifeevents.eligibility.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The months a monthly benefit is owed, each with its amount, recipient and arithmetic, collapsed into periods of
 * equal months. Months owed without anyone to pay are kept apart: they make the entitlement wait.
 */
final class MonthlyRun {

    private final List<Month> owed = new ArrayList<>();
    private final List<YearMonth> withoutRecipient = new ArrayList<>();

    /** One owed month; its arithmetic is written only for the first month of a period (the one shown). */
    record Month(YearMonth month, long amountCents, String recipientId, String parameterVersion,
            Supplier<String> arithmetic) {
    }

    void owe(YearMonth month, long amountCents, String recipientId, String parameterVersion, Supplier<String> arithmetic) {
        owed.add(new Month(month, amountCents, recipientId, parameterVersion, arithmetic));
    }

    void noRecipient(YearMonth month) {
        withoutRecipient.add(month);
    }

    boolean isEmpty() {
        return owed.isEmpty() && withoutRecipient.isEmpty();
    }

    boolean hasPayableMonths() {
        return !owed.isEmpty();
    }

    List<YearMonth> monthsWithoutRecipient() {
        return withoutRecipient;
    }

    YearMonth first() {
        YearMonth a = owed.isEmpty() ? null : owed.get(0).month();
        YearMonth b = withoutRecipient.isEmpty() ? null : withoutRecipient.get(0);
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    YearMonth last() {
        YearMonth a = owed.isEmpty() ? null : owed.get(owed.size() - 1).month();
        YearMonth b = withoutRecipient.isEmpty() ? null : withoutRecipient.get(withoutRecipient.size() - 1);
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Consecutive months with the same amount, recipient and parameters form one period. */
    List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        for (Run run : runs()) {
            Month first = run.months.get(0);
            periods.add(new Period(first.month().atDay(1), run.last().month().atEndOfMonth(), first.amountCents(),
                    first.recipientId(), first.parameterVersion()));
        }
        return periods;
    }

    /** One line per period: its months and how the amount of its first month was found. */
    List<String> arithmetic() {
        List<String> lines = new ArrayList<>();
        for (Run run : runs()) {
            YearMonth from = run.months.get(0).month();
            YearMonth until = run.last().month();
            String months = from.equals(until) ? from.toString() : from + " to " + until;
            lines.add(months + ": " + run.months.get(0).arithmetic().get());
        }
        return lines;
    }

    List<String> recipients() {
        return owed.stream().map(Month::recipientId).distinct().toList();
    }

    private List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        Run current = null;
        for (Month month : owed) {
            if (current != null && current.continuesWith(month)) {
                current.months.add(month);
            } else {
                current = new Run();
                current.months.add(month);
                runs.add(current);
            }
        }
        return runs;
    }

    private static final class Run {
        final List<Month> months = new ArrayList<>();

        Month last() {
            return months.get(months.size() - 1);
        }

        boolean continuesWith(Month next) {
            Month last = last();
            return last.month().plusMonths(1).equals(next.month()) && last.amountCents() == next.amountCents()
                    && Objects.equals(last.recipientId(), next.recipientId())
                    && Objects.equals(last.parameterVersion(), next.parameterVersion());
        }
    }
}
