package org.lifeevents.benchmarks.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.lifeevents.localservers.KeycloakServer;

/**
 * Keycloak accounts for generated people, made through the admin API of the stack's Keycloak with its DEMO admin: a
 * citizen with the {@code person_id} attribute, so a benchmark can read {@code /me/...} as that parent would.
 */
public final class CitizenAccounts {

    private final KeycloakServer keycloak;
    /** The demo admin's token, fetched again before it expires, instead of once per account. */
    private final StackHttp http;

    public CitizenAccounts(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.http = new StackHttp(this::adminToken);
    }

    /** Creates a citizen account for the person and returns an access token of it. */
    public String create(String personId) {
        String admin = http.token();
        String username = "bench-" + personId;
        String user = "{\"username\": \"" + username + "\", \"enabled\": true, \"emailVerified\": true,"
                + " \"firstName\": \"Bench\", \"lastName\": \"Parent\", \"email\": \"" + username
                + "@benchmark.lifeevents.test\", \"attributes\": {\"person_id\": [\"" + personId + "\"]},"
                + " \"credentials\": [{\"type\": \"password\", \"value\": \"" + username + "-demo\","
                + " \"temporary\": false}]}";
        String realm = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the account: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String role = http.send(HttpRequest.newBuilder(URI.create(realm + "/roles/citizen"))
                .header("Authorization", "Bearer " + admin).build()).body();
        HttpResponse<String> mapped = http.send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build());
        if (mapped.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the citizen role: " + mapped.statusCode());
        }
        return keycloak.tokens().person(username);
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.DEMO_ADMIN, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakServer.DEMO_ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest
                .newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No admin token: " + response.statusCode() + " " + response.body());
        }
        return StackHttp.json(response.body()).get("access_token").asText();
    }
}
