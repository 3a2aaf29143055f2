package org.lifeevents.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples the resident memory of groups of processes and keeps each group's peak. A process's figure is its
 * proportional set size (PSS, from {@code /proc/<pid>/smaps_rollup}): its own pages plus its share of the pages it
 * shares, so PostgreSQL's backends, which all map the same shared buffers, add up to what the server really holds
 * instead of counting the buffers once per backend (VmRSS did: 6.4 GiB in a run of 1,000,000 payments with 1 GB
 * of shared buffers). The groups are asked for again at every sample, so a process started during the run (a second instance)
 * is
 * counted from its start. A group's figure is the sum over its processes at one sample (PostgreSQL is a process per
 * connection), and "all of them" is the peak of the sum over every group, which is less than the sum of the peaks.
 */
public final class ResidentMemory implements AutoCloseable {

    public static final String ALL = "all of them, at once";

    private final Supplier<Map<String, Collection<Long>>> groups;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final Map<String, Integer> order = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resident-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ResidentMemory(Supplier<Map<String, Collection<Long>>> groups) {
        this.groups = groups;
    }

    /** Starts sampling the groups (name to process ids) at the given interval until closed. */
    public static ResidentMemory sample(Supplier<Map<String, Collection<Long>>> groups, Duration every) {
        ResidentMemory memory = new ResidentMemory(groups);
        memory.sampler.scheduleAtFixedRate(memory::sampleOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return memory;
    }

    /** Each group's peak in bytes, in the order the groups were first seen, and the peak of all of them together. */
    public Map<String, Long> peakBytes() {
        sampleOnce();
        Map<String, Long> ordered = new LinkedHashMap<>();
        order.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> ordered.put(e.getKey(), peaks.get(e.getKey())));
        return ordered;
    }

    private synchronized void sampleOnce() {
        try {
            long all = 0;
            for (Map.Entry<String, Collection<Long>> group : groups.get().entrySet()) {
                long bytes = group.getValue().stream().mapToLong(ResidentMemory::residentBytes).sum();
                all += bytes;
                order.putIfAbsent(group.getKey(), order.size());
                peaks.merge(group.getKey(), bytes, Math::max);
            }
            order.putIfAbsent(ALL, Integer.MAX_VALUE);
            peaks.merge(ALL, all, Math::max);
        } catch (RuntimeException e) {
            // a process that ended between listing and reading; the next sample sees the new state
        }
    }

    /** The process's proportional resident set in bytes, 0 when it has ended (or this is not Linux). */
    public static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
