package org.lifeevents.portal.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Money from integer cents and dates, in each language. */
class FormatsTest {

    private static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 32000     | €320.00",
            "en    | 8000      | €80.00",
            "en    | 1         | €0.01",
            "en    | 0         | €0.00",
            "en    | 123456789 | €1,234,567.89",
            "en    | -2550     | -€25.50",
            "zh-TW | 32000     | €320.00",
            "zh-TW | 123456789 | €1,234,567.89" })
    void moneyIsFormattedFromCentsExactly(String lang, long cents, String shown) {
        assertThat(formats(lang).money(cents)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 2026-03-02 | 2 March 2026   | March 2026",
            "zh-TW | 2026-03-02 | 2026年3月2日   | 2026年3月",
            "zh-TW | 2042-12-31 | 2042年12月31日 | 2042年12月" })
    void datesAndMonthsFollowTheLanguage(String lang, LocalDate date, String day, String month) {
        assertThat(formats(lang).date(date)).isEqualTo(day);
        assertThat(formats(lang).month(date)).isEqualTo(month);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 2026-03-01T22:30:00Z | 2 March 2026",
            "zh-TW | 2026-03-01T21:59:59Z | 2026年3月1日" })
    void anInstantIsShownOnTheCalendarDayOfThePortalsTimeZone(String lang, Instant instant, String day) {
        assertThat(formats(lang).date(instant)).isEqualTo(day);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "en", "zh-TW" })
    void absentValuesStayAbsent(String lang) {
        assertThat(formats(lang).money(null)).isNull();
        assertThat(formats(lang).date((LocalDate) null)).isNull();
        assertThat(formats(lang).dateTime(null)).isNull();
    }

    private static Formats formats(String lang) {
        return new Formats(Languages.formattingLocale(lang), TALLINN);
    }
}
