package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.lifeevents.common.money.Cents;

/** Plain-language pieces of the citizen texts: months, days, amounts and period summaries. */
final class Words {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Words() {
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    static String month(LocalDate day) {
        return MONTH.format(day);
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String money(long cents) {
        return Cents.format(cents);
    }

    /** "80.00 EUR a month from March 2026 through June 2042 to Kati", one clause per period (at most four). */
    static String periods(List<Period> periods, Function<String, String> name) {
        List<String> clauses = new ArrayList<>();
        boolean oneRecipient = periods.stream().map(Period::recipientId).distinct().count() == 1;
        for (Period period : periods.subList(0, Math.min(4, periods.size()))) {
            YearMonth from = YearMonth.from(period.fromDate());
            YearMonth until = YearMonth.from(period.untilDate());
            String months = from.equals(until) ? "for " + month(from)
                    : "from " + month(from) + " through " + month(until);
            clauses.add(money(period.amountCents()) + " a month " + months
                    + (oneRecipient ? "" : " to " + name.apply(period.recipientId())));
        }
        String text = String.join("; ", clauses);
        return periods.size() > 4 ? text + "; and further periods as listed" : text;
    }
}
