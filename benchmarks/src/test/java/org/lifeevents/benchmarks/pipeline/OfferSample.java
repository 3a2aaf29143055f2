package org.lifeevents.benchmarks.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.lifeevents.benchmarks.report.Latency;
import org.lifeevents.benchmarks.stack.BenchmarkStack;
import org.lifeevents.benchmarks.stack.CitizenAccounts;
import org.lifeevents.localstack.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A few births of a live run seen as the mother sees them: she has a Keycloak account, and after the registry accepts
 * the birth her {@code GET /me/offers} is polled every 100 ms until the child's CHILD_ALLOWANCE is listed. Only a sample,
 * because each mother needs an account and the polling itself loads the eligibility service.
 */
final class OfferSample implements AutoCloseable {

    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String offersUrl;
    private final Map<Long, String> tokens = new HashMap<>();
    private final Histogram visible = Latency.newHistogram();
    private final AtomicLong missed = new AtomicLong();
    private final ExecutorService pollers = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration timeout;

    /** Makes accounts for the mothers of the sampled families before their births are posted. */
    OfferSample(BenchmarkStack stack, Families families, Iterable<Long> sampled, Duration timeout) {
        this.offersUrl = stack.url(Service.ELIGIBILITY) + "/me/offers";
        this.timeout = timeout;
        CitizenAccounts accounts = new CitizenAccounts(stack.stack().keycloak());
        for (long family : sampled) {
            tokens.put(family, accounts.create(families.mother(family)));
        }
    }

    boolean isSampled(long family) {
        return tokens.containsKey(family);
    }

    /** Starts polling the mother's offers from the moment (System.nanoTime) her child's birth was accepted. */
    void watch(long family, String childId, long acceptedAt) {
        String token = tokens.get(family);
        pollers.execute(() -> {
            long deadline = acceptedAt + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> offers = http.send(HttpRequest.newBuilder(URI.create(offersUrl))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    if (offers.statusCode() == 200 && listsChildAllowance(offers.body(), childId)) {
                        synchronized (visible) {
                            visible.recordValue(Math.max(1, (now - acceptedAt) / 1000));
                        }
                        return;
                    }
                    Thread.sleep(POLL_EVERY.toMillis());
                } catch (IOException e) {
                    // the service is busy; ask again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            missed.incrementAndGet();
        });
    }

    private static boolean listsChildAllowance(String offers, String childId) throws IOException {
        for (JsonNode offer : JSON.readTree(offers)) {
            if (offer.path("benefit").asText().equals("CHILD_ALLOWANCE")
                    && offer.path("beneficiaryId").asText().equals(childId)) {
                return true;
            }
        }
        return false;
    }

    /** Waits for every poller (each bounded by the timeout) and returns what they saw. */
    Latency result(int rate) throws InterruptedException {
        pollers.shutdown();
        pollers.awaitTermination(timeout.toSeconds() + 60, TimeUnit.SECONDS);
        return new Latency(
                rate + "/s: CHILD_ALLOWANCE in the mother's GET /me/offers (sample)", String.format(java.util.Locale.ROOT,
                        "from the 201 answer to the first GET /me/offers (her own token, polled every %d ms) that lists the"
                                + " child's CHILD_ALLOWANCE; a sample of %d births%s",
                        POLL_EVERY.toMillis(), tokens.size(),
                        missed.get() == 0 ? "" : ", " + missed.get() + " not visible within " + timeout + " left out"),
                visible);
    }

    long missed() {
        return missed.get();
    }

    @Override
    public void close() {
        pollers.shutdownNow();
    }
}
