package org.lifeevents.payment.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.payment.entitlement.EntitlementState;

import static org.assertj.core.api.Assertions.assertThat;

class OwedPlanTest {

    private static final String MOTHER = "49403136515";
    private static final String FATHER = "39205202210";

    /**
     * Each row: an entitlement (status, monthly, periods "from..until:amount:recipient;...", last owed date) planned
     * on 15 March 2026 (so through March); the months or days owed as "start=amount@recipient/due".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "one-off granted is due the day it was granted | GRANTED | false | 2026-01-15..2026-01-15:32000:M | - | 2026-01-15=32000@M/2026-02-01",
            "an offered benefit is owed nothing yet | OFFERED | false | 2026-01-15..2026-01-15:32000:M | - | ",
            "a refused or pending one neither | PENDING | true | 2026-01-01..:8000:M | - | ",
            "monthly from the month of birth, paid on the 10th of the next | GRANTED | true | 2026-01-01..:8000:M | - | 2026-01-01=8000@M/2026-02-10;2026-02-01=8000@M/2026-03-10;2026-03-01=8000@M/2026-04-10",
            "a later month is planned when it comes | GRANTED | true | 2026-03-01..:8000:M | - | 2026-03-01=8000@M/2026-04-10",
            "an amount change applies from its period | GRANTED | true | 2026-01-01..2026-01-31:8000:M;2026-02-01..:10000:M | - | 2026-01-01=8000@M/2026-02-10;2026-02-01=10000@M/2026-03-10;2026-03-01=10000@M/2026-04-10",
            "a new recipient from a month on | GRANTED | true | 2026-01-01..2026-01-31:8000:M;2026-02-01..:8000:F | - | 2026-01-01=8000@M/2026-02-10;2026-02-01=8000@F/2026-03-10;2026-03-01=8000@F/2026-04-10",
            "a period ending ends the months | GRANTED | true | 2025-12-01..2026-01-31:8000:M | - | 2025-12-01=8000@M/2026-01-10;2026-01-01=8000@M/2026-02-10",
            "a stop ends what is owed after the last owed date | STOPPED | true | 2026-01-01..:8000:M | 2026-02-28 | 2026-01-01=8000@M/2026-02-10;2026-02-01=8000@M/2026-03-10",
            "a stop with nothing ever owed owes nothing | STOPPED | true | 2026-01-01..:8000:M | - | ",
            "a stopped one-off before its day owes nothing | STOPPED | false | 2026-03-05..2026-03-05:25000:M | 2026-03-01 | ",
            "a gap between periods owes nothing for the gap | GRANTED | true | 2026-01-01..2026-01-31:8000:M;2026-03-01..:8000:M | - | 2026-01-01=8000@M/2026-02-10;2026-03-01=8000@M/2026-04-10" })
    void owesWhatTheStateSays(String name, String status, boolean monthly, String periods, LocalDate lastOwed,
            String expected) {
        EntitlementState state = new EntitlementState();
        state.status = status;
        state.monthly = monthly;
        state.lastOwedDate = lastOwed;
        state.grantedOn = LocalDate.of(2026, 2, 1);
        state.periods = List.of(periods.split(";")).stream().map(OwedPlanTest::period).toList();

        String owed = OwedPlan.owed(state, LocalDate.of(2026, 3, 15), 10).stream()
                .map(o -> o.periodStart() + "=" + o.amountCents() + "@" + (o.recipientId().equals(MOTHER) ? "M" : "F") + "/"
                        + o.dueDate())
                .collect(Collectors.joining(";"));

        assertThat(owed).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void aOneOffWhoseGrantDateIsUnknownIsDueOnTheDayItIsPlanned() {
        EntitlementState state = new EntitlementState();
        state.status = "STOPPED";
        state.monthly = false;
        state.lastOwedDate = LocalDate.of(2026, 3, 31);
        state.periods = List.of(period("2026-03-05..2026-03-05:25000:M"));

        assertThat(OwedPlan.owed(state, LocalDate.of(2026, 4, 2), 10)).extracting(OwedPlan.Owed::dueDate)
                .containsExactly(LocalDate.of(2026, 4, 2));
    }

    private static EntitlementState.Period period(String text) {
        String[] parts = text.split(":");
        String[] range = parts[0].split("\\.\\.");
        return new EntitlementState.Period(LocalDate.parse(range[0]), range.length > 1 ? LocalDate.parse(range[1]) : null,
                Long.parseLong(parts[1]), parts[2].equals("M") ? MOTHER : FATHER);
    }
}
