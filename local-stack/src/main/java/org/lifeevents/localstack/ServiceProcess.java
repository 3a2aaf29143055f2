package org.lifeevents.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.lifeevents.localservers.HttpReadiness;

/** One service running as its own JVM from the jar Maven built, configured on the command line. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** The system property that replaces the services' JVM options (space-separated). */
    public static final String JVM_OPTIONS = "lifeevents.stack.jvm-options";

    /**
     * Small heaps and the C1 compiler only: seven JVMs start quickly side by side on two cores, which is what people
     * and the system tests need. Throughput is measured with the full compiler (the benchmarks set their own).
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final String name;
    private final Process process;
    private final String url;
    private final Path log;

    private ServiceProcess(String name, Process process, String url, Path log) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> config, Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(name, process, "http://127.0.0.1:" + port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    String url() {
        return url;
    }

    String name() {
        return name;
    }

    void awaitReady() {
        HttpReadiness.await(name, process, url + "/q/health/ready", READY_TIMEOUT, log);
    }

    /** Stops the service as an operator would (SIGTERM: Quarkus shuts down gracefully). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the service without warning, as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
