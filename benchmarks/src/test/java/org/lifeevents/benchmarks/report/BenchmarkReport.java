package org.lifeevents.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark's result as a Markdown page, printed to stdout and written to
 * {@code benchmarks/target/benchmarks/<name>.md} with its PNG charts beside it. The header names the commit, the
 * cores and the load of the machine, because on a shared two-core machine a figure without them cannot be compared
 * with the next run's.
 */
public final class BenchmarkReport {

    private final String name;
    private final Path directory;
    private final StringBuilder markdown = new StringBuilder();
    private final List<String> charts = new ArrayList<>();

    /**
     * @param name file name of the page and prefix of its charts ({@code pipeline} gives {@code pipeline.md})
     * @param title the page's heading
     * @param checkout the git work tree whose commit was measured
     */
    public BenchmarkReport(String name, String title, Path checkout) {
        this.name = name;
        this.directory = Path.of(System.getProperty("benchmark.output", "target/benchmarks"));
        markdown.append("# ").append(title).append("\n\n");
        markdown.append("| run | |\n|---|---|\n");
        markdown.append("| commit | `").append(gitCommit(checkout)).append("` |\n");
        markdown.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(totalMemoryGib()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(", Java ").append(System.getProperty("java.version"))
                .append(" |\n");
        markdown.append("| started | ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", load average ").append(loadAverage()).append(" |\n\n");
    }

    public Path directory() {
        return directory;
    }

    /** A paragraph of prose: what was measured and how, in the words a reader needs to trust the table. */
    public BenchmarkReport paragraph(String text) {
        markdown.append(text).append("\n\n");
        return this;
    }

    public BenchmarkReport heading(String text) {
        markdown.append("## ").append(text).append("\n\n");
        return this;
    }

    /** A table of rates (stage, count, seconds, per second, share of its physical limit) and their bar chart. */
    public BenchmarkReport rates(String title, List<Rate> rates) {
        markdown.append("| stage | count | seconds | per second | share of the physical limit |\n");
        markdown.append("|---|---:|---:|---:|---|\n");
        for (Rate rate : rates) {
            markdown.append("| ").append(rate.stage()).append(" | ").append(format("%,d", rate.count())).append(" | ")
                    .append(format("%,.1f", rate.seconds())).append(" | ").append(format("%,.1f", rate.perSecond()))
                    .append(" | ").append(rate.limit() == null ? ""
                            : format("%.4f of %s (%,.0f/s)", rate.ratio(), rate.limit().name(), rate.limit().perSecond()))
                    .append(" |\n");
        }
        markdown.append('\n');
        chart(title, Charts.rates(title, rates));
        return this;
    }

    /** A table of latency percentiles and the chart of their whole distributions. */
    public BenchmarkReport latencies(String title, List<Latency> latencies) {
        markdown.append("| measurement | count | p50 ms | p99 ms | max ms | measured how |\n");
        markdown.append("|---|---:|---:|---:|---:|---|\n");
        for (Latency latency : latencies) {
            long count = latency.histogram().getTotalCount();
            markdown.append("| ").append(latency.name()).append(" | ").append(format("%,d", count)).append(" | ")
                    .append(count == 0 ? "" : format("%,.1f", latency.millisAt(50))).append(" | ")
                    .append(count == 0 ? "" : format("%,.1f", latency.millisAt(99))).append(" | ")
                    .append(count == 0 ? "" : format("%,.1f", latency.maxMillis())).append(" | ")
                    .append(latency.measuredHow()).append(" |\n");
        }
        markdown.append('\n');
        chart(title, Charts.latencies(title, latencies));
        return this;
    }

    /** Cumulative progress of several stages over the same clock, to see where one waits for another. */
    public BenchmarkReport progress(String title, String yLabel, Map<String, List<double[]>> secondsAndCounts) {
        chart(title, Charts.progress(title, yLabel, secondsAndCounts));
        return this;
    }

    /** Peak resident memory per process group. */
    public BenchmarkReport memory(Map<String, Long> peakBytes) {
        markdown.append("| process | peak resident memory (PSS) MiB |\n|---|---:|\n");
        peakBytes.forEach((process, bytes) -> markdown.append("| ").append(process).append(" | ")
                .append(format("%,.0f", bytes / 1048576.0)).append(" |\n"));
        markdown.append('\n');
        return this;
    }

    /** Processor time per process group over a stage that handled {@code items}, and what one item cost each. */
    public BenchmarkReport cpu(Map<String, Double> seconds, long items, String item) {
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        markdown.append("| process | CPU seconds | CPU ms per ").append(item).append(" | share |\n|---|---:|---:|---:|\n");
        seconds.forEach((process, s) -> markdown.append("| ").append(process).append(" | ")
                .append(format("%,.1f", s)).append(" | ").append(format("%,.2f", 1000 * s / items)).append(" | ")
                .append(format("%.0f%%", total == 0 ? 0 : 100 * s / total)).append(" |\n"));
        markdown.append("| all of them | ").append(format("%,.1f", total)).append(" | ")
                .append(format("%,.2f", 1000 * total / items)).append(" | 100% |\n\n");
        return this;
    }

    /** Prints the page and writes it with its charts; returns the page's path. */
    public Path write() {
        markdown.append("Finished ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", load average ")
                .append(loadAverage()).append(".\n");
        try {
            Files.createDirectories(directory);
            Path page = directory.resolve(name + ".md");
            Files.writeString(page, markdown, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written: " + page.toAbsolutePath() + " with " + charts);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void chart(String title, Charts.Png png) {
        String file = name + "-" + slug(title) + ".png";
        try {
            Files.createDirectories(directory);
            png.writeTo(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the chart " + file, e);
        }
        charts.add(file);
        markdown.append("![").append(title).append("](").append(file).append(")\n\n");
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String format(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static String gitCommit(Path checkout) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(checkout.toFile())
                    .redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .directory(checkout.toFile()).redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            git.waitFor(10, TimeUnit.SECONDS);
            status.waitFor(10, TimeUnit.SECONDS);
            return git.exitValue() == 0 ? commit + (dirty ? " (with uncommitted changes)" : "") : "unknown";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String totalMemoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kib / 1048576.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the cores still say most of it
        }
        return "memory unknown";
    }
}
