package org.lifeevents.benchmarks.pipeline;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.benchmarks.stack.StackHttp;
import org.lifeevents.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;

/** The birth-registry-service as the civil registry calls it: backfill jobs and single birth registrations. */
final class Registry {

    private final BenchmarkStack stack;
    private final String url;
    private final StackHttp http;

    Registry(BenchmarkStack stack) {
        this.stack = stack;
        this.http = new StackHttp(() -> stack.registryToken());
        this.url = stack.url(Service.REGISTRY);
    }

    /** Uploads a backfill file as a stream and returns the job id. */
    String startBackfill(Supplier<InputStream> file) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/backfill"))
                .header("Authorization", "Bearer " + http.token())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(file))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /backfill answered " + response.statusCode() + ": " + response.body());
        }
        return StackHttp.json(response.body()).get("jobId").asText();
    }

    /** The job's progress as the registry reports it. */
    JsonNode job(String jobId) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/backfill/" + jobId))
                .header("Authorization", "Bearer " + http.token()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /backfill/" + jobId + " answered " + response.statusCode());
        }
        return StackHttp.json(response.body());
    }

    /** Waits for the job to end (bounded) and fails unless it completed with nothing refused. */
    JsonNode awaitCompleted(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = job(jobId);
        while (isRunning(job)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Backfill job " + jobId + " still " + job.get("status").asText() + " after "
                        + timeout + ": " + job.get("linesRead") + " of " + job.get("linesTotal") + " lines read");
            }
            Thread.sleep(500);
            job = job(jobId);
        }
        requireCompleted(job);
        return job;
    }

    static boolean isRunning(JsonNode job) {
        String status = job.get("status").asText();
        return status.equals("RUNNING") || status.equals("QUEUED");
    }

    static void requireCompleted(JsonNode job) {
        if (!job.get("status").asText().equals("COMPLETED") || job.get("linesRefused").asLong() != 0) {
            throw new AssertionError("Backfill job did not complete cleanly: " + job);
        }
    }

    /** Posts one birth registration; returns the HTTP status. */
    int registerBirth(String body) {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/registrations/births"))
                .header("Authorization", "Bearer " + http.token())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()).statusCode();
    }

}
