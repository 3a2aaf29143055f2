package org.lifeevents.benchmarks.report;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processor time the stack's processes used, per group, between two moments: on two cores shared by every server,
 * the rate of the whole pipeline is bounded by the sum of what each birth costs them all, so this says which process
 * to make cheaper. A process's figure is the user and system time the kernel counted for it (through
 * {@link ProcessHandle.Info#totalCpuDuration()}); a PostgreSQL backend that ends between the two moments is not
 * counted, which the pool's long-lived connections make rare.
 */
public final class CpuTime {

    private CpuTime() {
    }

    /** Each group's processor time so far, summed over its processes alive now, in seconds. */
    public static Map<String, Double> used(Map<String, Collection<Long>> groups) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((group, pids) -> seconds.put(group, pids.stream()
                .mapToDouble(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                        .map(Duration::toNanos).orElse(0L) / 1e9)
                .sum()));
        return seconds;
    }

    /** What each group used between the two readings (a group seen only later counts from zero). */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((group, seconds) -> used.put(group, Math.max(0, seconds - before.getOrDefault(group, 0.0))));
        return used;
    }
}
