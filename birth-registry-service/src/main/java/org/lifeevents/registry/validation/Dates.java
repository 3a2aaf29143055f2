package org.lifeevents.registry.validation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.lifeevents.common.json.StrictJson;

/**
 * Reads the dates and times of requests strictly, reporting into {@link FieldErrors}: requests carry them as text so
 * an impossible date (2026-02-30) is listed with every other error instead of failing the whole body.
 */
public final class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

    private Dates() {
    }

    /**
     * The date, or null (with an error when it is required or malformed). Dates after {@code today} are refused; the
     * caller passes the business date, so the check means the same whatever day the service runs on.
     */
    public static LocalDate past(FieldErrors errors, String field, String text, boolean required, LocalDate today) {
        LocalDate date = parse(errors, field, text, required);
        if (date != null && date.isAfter(today)) {
            errors.add(field, "in_future", "must not be in the future");
            return null;
        }
        return date;
    }

    /**
     * The date, or null (with an error when it is required or malformed). Only a field left out is absent: a blank one
     * is refused, as is any year before {@value StrictJson#FIRST_YEAR} or of more or fewer than four digits.
     */
    public static LocalDate parse(FieldErrors errors, String field, String text, boolean required) {
        if (text == null || text.isBlank() && required) {
            if (required) {
                errors.add(field, "required", "must not be blank");
            }
            return null;
        }
        if (!FORM.matcher(text).matches()) {
            errors.add(field, "invalid_date", "is not a real date in the form YYYY-MM-DD");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            if (date.getYear() < StrictJson.FIRST_YEAR) {
                errors.add(field, "invalid_date", "is before " + StrictJson.FIRST_YEAR);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid_date", "is not a real date in the form YYYY-MM-DD");
            return null;
        }
    }

    /** A local time HH:MM or HH:MM:SS, or null when left out (with an error when blank or malformed). */
    public static LocalTime time(FieldErrors errors, String field, String text) {
        if (text == null) {
            return null;
        }
        if (!TIME.matcher(text).matches()) {
            errors.add(field, "invalid_time", "is not a time in the form HH:MM");
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid_time", "is not a time in the form HH:MM");
            return null;
        }
    }

    /** Parses a date that validation already accepted. */
    public static LocalDate of(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text, DATE);
    }

    /** Parses a time that validation already accepted. */
    public static LocalTime timeOf(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text);
    }
}
