package org.lifeevents.benchmarks.report;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution of one kind of measurement, with how it was measured: readers must know whether a figure
 * is "seen on a Kafka topic" or "seen by a citizen in the API", since the two differ by the polling in between.
 *
 * @param name short label for the table and the chart legend
 * @param measuredHow from which event to which, and how the end was observed
 * @param histogram values in microseconds
 */
public record Latency(String name, String measuredHow, Histogram histogram) {

    /** A histogram for latencies from a microsecond to an hour with three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    public double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }
}
