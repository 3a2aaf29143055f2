package org.lifeevents.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gets real access tokens from the local Keycloak: client credentials for machine clients, and the password grant of
 * the demo command-line client for the demo people. For tests and the README walk-through only.
 */
public final class KeycloakTokens {

    /** Public demo client with the password grant enabled. */
    public static final String CLI_CLIENT = "lifeevents-cli";

    /** Machine clients of the demo realm and their DEMO secrets. */
    public static final String REGISTRY_CLIENT = "registry-system";
    public static final String REGISTRY_SECRET = "registry-system-demo-secret";
    public static final String TAX_FEED_CLIENT = "tax-feed";
    public static final String TAX_FEED_SECRET = "tax-feed-demo-secret";
    public static final String PAYMENT_SCHEDULER_CLIENT = "payment-scheduler";
    public static final String PAYMENT_SCHEDULER_SECRET = "payment-scheduler-demo-secret";
    /** The eligibility service asking the consent service before it reads a person's data (role consent-check). */
    public static final String ELIGIBILITY_CLIENT = "eligibility-service";
    public static final String ELIGIBILITY_SECRET = "eligibility-service-demo-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakTokens(String realmUrl) {
        this.tokenEndpoint = realmUrl + "/protocol/openid-connect/token";
    }

    public String clientCredentials(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public String registry() {
        return clientCredentials(REGISTRY_CLIENT, REGISTRY_SECRET);
    }

    public String taxFeed() {
        return clientCredentials(TAX_FEED_CLIENT, TAX_FEED_SECRET);
    }

    public String eligibilityService() {
        return clientCredentials(ELIGIBILITY_CLIENT, ELIGIBILITY_SECRET);
    }

    /** Token of a demo person; every demo password is the username followed by {@code -demo}. */
    public String person(String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", username);
        form.put("password", username + "-demo");
        form.put("scope", "openid");
        return request(form);
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request failed with " + response.statusCode() + ": " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
