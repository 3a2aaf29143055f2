package org.lifeevents.benchmarks.payrun;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.benchmarks.stack.StackHttp;
import org.lifeevents.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payment service as a payment operator uses it (the demo realm's operator {@value #OPERATOR}): start a run,
 * follow it, resume it after a crash; and its Prometheus metrics, which hold the time of each stage of a run.
 */
final class PaymentOperator {

    static final String OPERATOR = "otto";
    private static final Pattern STAGE_SAMPLE = Pattern
            .compile("^payment_run_stage_(seconds|items)_sum\\{[^}]*stage=\"([a-z_]+)\"[^}]*}\\s+(\\S+)$");

    /** A stage's accumulated figures: seconds spent and what it handled (entitlements, payments or files). */
    record Stage(double seconds, double items) {

        Stage minus(Stage before) {
            return before == null ? this : new Stage(seconds - before.seconds, items - before.items);
        }
    }

    private final BenchmarkStack stack;
    private final StackHttp http;

    PaymentOperator(BenchmarkStack stack) {
        this.stack = stack;
        this.http = new StackHttp(() -> stack.stack().keycloak().tokens().person(OPERATOR));
    }

    /** Starts a run now, in files of at most {@code maxPaymentsPerFile}; returns its id. */
    UUID start(int maxPaymentsPerFile) {
        HttpResponse<String> response = http.send(request("/runs?maxPaymentsPerFile=" + maxPaymentsPerFile)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /runs answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(StackHttp.json(response.body()).get("runId").asText());
    }

    void resume(UUID runId) {
        HttpResponse<String> response = http.send(request("/runs/" + runId + "/resume")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /runs/" + runId + "/resume answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /**
     * The run's status from the list of runs: the detail computes the run's figures over all its payments, which a
     * poll several times a second would make the database do again and again beside the run it measures.
     */
    String status(UUID runId) {
        HttpResponse<String> response = http.send(request("/runs?limit=10").build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /runs answered " + response.statusCode() + ": " + response.body());
        }
        for (JsonNode run : StackHttp.json(response.body())) {
            if (run.get("runId").asText().equals(runId.toString())) {
                return run.get("status").asText();
            }
        }
        throw new IllegalStateException("Run " + runId + " is not among the latest runs");
    }

    /** The run with its files and reconciliation, {@code GET /runs/{id}}. */
    JsonNode run(UUID runId) {
        HttpResponse<String> response = http.send(request("/runs/" + runId).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /runs/" + runId + " answered " + response.statusCode());
        }
        return StackHttp.json(response.body());
    }

    /** Polls until the run is COMPLETED; fails after {@code bound}. */
    void awaitCompleted(UUID runId, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        String status;
        while (!"COMPLETED".equals(status = status(runId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Run " + runId + " still " + status + " after " + bound);
            }
            Thread.sleep(200);
        }
    }

    /** Each stage's accumulated figures since the service started, from {@code GET /q/metrics}. */
    Map<String, Stage> stages() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(Service.PAYMENT)
                + "/q/metrics")).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /q/metrics answered " + response.statusCode());
        }
        Map<String, Double> seconds = new HashMap<>();
        Map<String, Double> items = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = STAGE_SAMPLE.matcher(line.trim());
            if (sample.matches()) {
                (sample.group(1).equals("seconds") ? seconds : items).put(sample.group(2),
                        Double.parseDouble(sample.group(3)));
            }
        }
        Map<String, Stage> stages = new HashMap<>();
        seconds.forEach((stage, s) -> stages.put(stage, new Stage(s, items.getOrDefault(stage, 0.0))));
        return stages;
    }

    /**
     * The stages of the executions that ended since {@code before}: the service records them just after the run is
     * marked COMPLETED, so this waits (bounded) until the total has moved.
     */
    Map<String, Stage> stagesSince(Map<String, Stage> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Stage> now = stages();
            Stage total = now.get("total");
            if (total != null && total.minus(before.get("total")).seconds() > 0) {
                Map<String, Stage> since = new HashMap<>();
                now.forEach((stage, figures) -> since.put(stage, figures.minus(before.get(stage))));
                return since;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The payment service recorded no run stages within 30 s of the run's end");
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.url(Service.PAYMENT) + path))
                .header("Authorization", "Bearer " + http.token()).timeout(Duration.ofMinutes(2));
    }

}
