package org.lifeevents.localservers.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The business date a service test lives on, as the build sets it ({@code -Dlifeevents.test.today}, passed to the test
 * JVM as {@code lifeevents.time.business-date}): what test code that is not a bean writes its dates and expectations
 * against. Inside a Quarkus test, inject the service's {@code Clock} instead. Without the property, today.
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Europe/Tallinn");
    public static final String PROPERTY = "lifeevents.time.business-date";

    private BusinessDate() {
    }

    public static LocalDate today() {
        String date = System.getProperty(PROPERTY, "").trim();
        return date.isEmpty() ? LocalDate.now(ZONE) : LocalDate.parse(date);
    }

    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Noon of the business date, the instant the service's clock starts at. */
    public static Instant noon() {
        return today().atTime(LocalTime.NOON).atZone(ZONE).toInstant();
    }
}
