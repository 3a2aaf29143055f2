package org.lifeevents.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is a {@code long} of euro cents everywhere. This is the arithmetic we allow on it: exact sums, and a division
 * that rounds half up to the cent once, at the end of a computation.
 */
public final class Cents {

    private Cents() {
    }

    /** {@code numerator / divisor}, rounded half up to the cent. */
    public static long divideHalfUp(long numerator, long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive");
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValueExact();
    }

    public static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    /** "320.00 EUR": for explanations and remittance texts. */
    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString() + " EUR";
    }

    /** The decimal euro amount pain.001 needs, e.g. 320.00. */
    public static BigDecimal toEuros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Reads "320.00" or "320" (euros) as cents; more than two decimals is an error, never rounded silently. */
    public static long parseEuros(String euros) {
        return new BigDecimal(euros).movePointRight(2).longValueExact();
    }
}
