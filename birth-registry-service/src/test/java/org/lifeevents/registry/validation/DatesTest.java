package org.lifeevents.registry.validation;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    /** A fixed "today": the check compares with the date it is given, never with the calendar. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "2026-01-31, none",
            "2024-02-29, none",
            "2026-02-29, invalid_date",
            "2026-02-30, invalid_date",
            "2026-13-01, invalid_date",
            "26-01-01, invalid_date",
            "2026-1-1, invalid_date",
            "tomorrow, invalid_date",
            "2026-12-01, none",
            "2026-12-02, in_future",
            "2999-01-01, in_future",
            "0000-01-01, invalid_date",
            "-0001-01-01, invalid_date",
            "+2020-01-01, invalid_date",
            "10000-01-01, invalid_date",
            "1799-12-31, invalid_date",
            "1800-01-01, none",
            "' 2020-01-01', invalid_date" })
    void pastDatesAreRealAndNotInTheFuture(String text, String code) {
        FieldErrors errors = new FieldErrors();

        LocalDate date = Dates.past(errors, "birthDate", text, true, TODAY);

        if (code == null) {
            assertThat(errors.isEmpty()).isTrue();
            assertThat(date).isEqualTo(LocalDate.parse(text));
        } else {
            assertThat(errors.list()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("birthDate");
                assertThat(e.code()).isEqualTo(code);
            });
            assertThat(date).isNull();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = { "08:15, none", "23:59:59, none", "24:00, invalid_time", "8.15, invalid_time",
            "8:15, invalid_time",
            "'', invalid_time", "' ', invalid_time" })
    void timesAreRealTimesOfDay(String text, String code) {
        FieldErrors errors = new FieldErrors();

        Dates.time(errors, "birthTime", text);

        assertThat(errors.list()).extracting(e -> e.code())
                .containsExactly(code == null ? new String[0] : new String[] { code });
    }

    @org.junit.jupiter.api.Test
    void aMissingRequiredDateIsRequiredAndAPrefixedCollectorNamesThePart() {
        FieldErrors errors = new FieldErrors();

        Dates.past(errors.under("changes."), "dateOfDeath", null, true, TODAY);

        assertThat(errors.list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("changes.dateOfDeath");
            assertThat(e.code()).isEqualTo("required");
        });
    }

    @org.junit.jupiter.api.Test
    void aBlankOptionalDateIsRefusedOnlyALeftOutOneIsAbsent() {
        FieldErrors errors = new FieldErrors();

        assertThat(Dates.past(errors, "effectiveFrom", null, false, TODAY)).isNull();
        assertThat(errors.isEmpty()).isTrue();
        Dates.past(errors, "effectiveFrom", "", false, TODAY);
        Dates.past(errors, "memberSince", "  ", false, TODAY);

        assertThat(errors.list()).extracting(e -> e.field() + " " + e.code())
                .containsExactly("effectiveFrom invalid_date", "memberSince invalid_date");
    }
}
