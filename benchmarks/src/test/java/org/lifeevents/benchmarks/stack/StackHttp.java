package org.lifeevents.benchmarks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A benchmark's HTTP client of the stack's services: one user's bearer token, fetched again before it expires. */
public final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Well inside the realm's token lifetime, so a long run never sends an expired token. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Supplier<String> fetchToken;
    private String token;
    private long tokenAt;

    public StackHttp(Supplier<String> fetchToken) {
        this.fetchToken = fetchToken;
    }

    /** The user's current token. */
    public synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_REUSE.toNanos()) {
            token = fetchToken.get();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
