package org.lifeevents.benchmarks.report;

/**
 * How many things a stage did in how long, optionally against the physical limit that bounds it, so a figure reads as
 * "a fifth of what the broker can do" rather than as a bare number that means something else on every machine.
 *
 * @param stage what was measured, in words
 * @param count how many items
 * @param seconds how long they took
 * @param limit the physical limit this stage is compared with, or null
 */
public record Rate(String stage, long count, double seconds, Limit limit) {

    /** A physical limit measured in the same run: the rate a bare broker or database reaches with the same items. */
    public record Limit(String name, double perSecond) {
    }

    public static Rate of(String stage, long count, double seconds) {
        return new Rate(stage, count, seconds, null);
    }

    public Rate against(Limit limit) {
        return new Rate(stage, count, seconds, limit);
    }

    /** This rate as a limit others are compared with. */
    public Limit asLimit() {
        return new Limit(stage, perSecond());
    }

    public double perSecond() {
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    /** The share of the limit reached: 1 means as fast as the bare broker or database, 0.01 a hundredth of it. */
    public double ratio() {
        return limit == null ? Double.NaN : perSecond() / limit.perSecond();
    }
}
