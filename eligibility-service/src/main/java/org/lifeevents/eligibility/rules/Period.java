package org.lifeevents.eligibility.rules;

import java.time.LocalDate;

/**
 * A run of calendar months with the same amount and recipient (from the 1st of the first month to the last day of
 * the last), or the day of a one-off benefit.
 *
 * @param parameterVersion the parameter values the amount comes from ({@code NAME@validFrom}, joined by {@code +})
 */
public record Period(LocalDate fromDate, LocalDate untilDate, long amountCents, String recipientId,
        String parameterVersion) {
}
