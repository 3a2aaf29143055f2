package org.lifeevents.portal.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Money, dates and times in the reader's language. Amounts come from the services as integer euro cents and are
 * formatted through {@link BigDecimal}, never through floating point.
 */
public final class Formats {

    private static final Currency EURO = Currency.getInstance("EUR");

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter day;
    private final DateTimeFormatter month;
    private final DateTimeFormatter dateTime;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.month = DateTimeFormatter.ofPattern(Locale.TAIWAN.equals(locale) ? "y年M月" : "MMMM y", locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
    }

    /** "€320.00" from 32000 cents; null stays null. */
    public String money(Long cents) {
        if (cents == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    public String date(LocalDate date) {
        return date == null ? null : day.format(date);
    }

    /** The calendar day of an instant, in the portal's time zone. */
    public String date(Instant instant) {
        return instant == null ? null : day.format(instant.atZone(zone).toLocalDate());
    }

    public String month(LocalDate date) {
        return date == null ? null : month.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? null : dateTime.format(instant);
    }

    public Locale locale() {
        return locale;
    }
}
