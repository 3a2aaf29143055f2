package org.lifeevents.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.lifeevents.localservers.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the real bank simulator (the module's own runnable jar, built before this module by the reactor) as a process
 * on a free port, with the demo rejection lists, and points the payment service at it.
 */
public class BankSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** DEMO key of the simulator, as in its application.properties. */
    public static final String API_KEY = "bank-demo-api-key";
    /** Accounts the simulator rejects, as configured in its application.properties (DEMO IBANs). */
    public static final String INCORRECT_ACCOUNT = "EE231010220000000001";
    public static final String CLOSED_ACCOUNT = "EE931010220000000002";
    public static final String DECEASED_ACCOUNT = "EE661010220000000003";

    private static Process process;
    private static String url;

    @Override
    public synchronized Map<String, String> start() {
        if (process == null) {
            int port = Ports.free();
            Path root = Path.of(System.getProperty("lifeevents.root", "..")).toAbsolutePath();
            Path jar = root.resolve("bank-simulator/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build with -am so the bank simulator is packaged first");
            }
            Path log = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent().resolve("bank-simulator.log");
            try {
                process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.log.console.json.enabled=false", "-jar", jar.toString()))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopProcess(started)));
            url = "http://127.0.0.1:" + port;
            awaitReady(url, log);
        }
        return Map.of("lifeevents.payment.bank.url", url, "lifeevents.payment.bank.api-key", API_KEY);
    }

    @Override
    public void stop() {
        // Shared by every test class of the module; stopped when the JVM exits.
    }

    private static void awaitReady(String url, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bank simulator exited; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The bank simulator was not ready within a minute; see " + log);
    }

    private static void stopProcess(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
        }
    }
}
