package org.lifeevents.registry.validation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads the dates and times of requests strictly, reporting into {@link FieldErrors}: requests carry them as text so
 * an impossible date (2026-02-30) is listed with every other error instead of failing the whole body.
 */
public final class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

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

    /** The date, or null (with an error when it is required or malformed). */
    public static LocalDate parse(FieldErrors errors, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, "required", "must not be blank");
            }
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid_date", "is not a real date in the form YYYY-MM-DD");
            return null;
        }
    }

    /** A local time HH:MM or HH:MM:SS, or null (with an error when malformed). */
    public static LocalTime time(FieldErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
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
