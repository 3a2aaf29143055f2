package org.lifeevents.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The consent service's check endpoint, served by the test itself on a real port, because the consent service does
 * not run in this module's tests (the system tests exercise the real pair). {@code GET /consent-checks} answers from
 * the consent state a test sets, in the consent service's format, and only to a bearer token of the machine client
 * {@code eligibility-service} with the role {@code consent-check} (the token comes from the real Keycloak). A test
 * sets the state and reads how often a person was checked over {@code /_test/...}; state is per person id, so tests
 * with their own people never meet.
 */
public class ConsentCheckEndpoint implements QuarkusTestResourceLifecycleManager {

    /** Config key with the endpoint's base URL (what the service calls). */
    public static final String URL_KEY = "quarkus.rest-client.consent-service.url";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean down;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/consent-checks", this::check);
        server.createContext("/_test/", this::control);
        server.start();
        return Map.of(URL_KEY, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void check(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String subject = query.get("subject");
        calls.computeIfAbsent(subject, k -> new AtomicInteger()).incrementAndGet();
        if (down) {
            respond(exchange, 503, "{\"code\":\"unavailable\"}");
            return;
        }
        String problem = tokenProblem(exchange.getRequestHeaders().getFirst("Authorization"));
        if (problem != null) {
            respond(exchange, problem.equals("none") ? 401 : 403, "{\"code\":\"" + problem + "\"}");
            return;
        }
        if (!"FAMILY_BENEFITS".equals(query.get("purpose")) || !"TAX_INCOME".equals(query.get("category"))) {
            respond(exchange, 200, "{\"allowed\":false,\"reason\":\"NO_CONSENT\"}");
            return;
        }
        respond(exchange, 200, answers.getOrDefault(subject, "{\"allowed\":false,\"reason\":\"NO_CONSENT\"}"));
    }

    /** {@code PUT /_test/answers/{person}} with the answer body; {@code PUT /_test/down/{true|false}}; calls. */
    private void control(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String what = path[2];
        String value = path.length > 3 ? path[3] : "";
        try (InputStream body = exchange.getRequestBody()) {
            switch (what) {
                case "answers" -> answers.put(value, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                case "down" -> down = Boolean.parseBoolean(value);
                case "calls" -> {
                    respond(exchange, 200, String.valueOf(calls.getOrDefault(value, new AtomicInteger()).get()));
                    return;
                }
                default -> {
                    respond(exchange, 404, "{}");
                    return;
                }
            }
        }
        respond(exchange, 204, null);
    }

    /** Null when the token is the eligibility service's with the consent-check role, else why not. */
    private static String tokenProblem(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "none";
        }
        try {
            String[] parts = authorization.substring(7).split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean client = "eligibility-service".equals(claims.path("azp").asText());
            boolean role = false;
            for (JsonNode r : claims.path("realm_access").path("roles")) {
                role |= "consent-check".equals(r.asText());
            }
            return client && role ? null : "forbidden";
        } catch (IOException | RuntimeException e) {
            return "none";
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** The test's side: sets answers and reads calls over HTTP (the service runs in another class loader). */
    public static final class Control {

        private final String baseUrl;

        public Control(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public void allow(String personId, String consentId) {
            put("/_test/answers/" + personId, "{\"allowed\":true,\"consentId\":\"" + consentId
                    + "\",\"validUntil\":null}");
        }

        public void refuse(String personId, String reason) {
            put("/_test/answers/" + personId, "{\"allowed\":false,\"reason\":\"" + reason + "\"}");
        }

        public void down(boolean down) {
            put("/_test/down/" + down, "");
        }

        public int calls(String personId) {
            return Integer.parseInt(send(HttpRequest.newBuilder(URI.create(baseUrl + "/_test/calls/" + personId)).GET()));
        }

        private void put(String path, String body) {
            send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
        }

        private String send(HttpRequest.Builder request) {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
