package org.lifeevents.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.lifeevents.localservers.KeycloakTokens;

/**
 * Loads the demo population through the services' own APIs, as the registry system, the tax authority and the demo
 * citizens would: households from {@code local-stack/demo/households}, the tax authority's incomes and refund accounts
 * ({@code incomes.json}, {@code refund-accounts.json}), then each demo citizen's consents and payout account. Runs once
 * per data directory.
 */
final class DemoData {

    private final LocalStack stack;
    private final Path demoDir;
    private final KeycloakTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoData(LocalStack stack) {
        this.stack = stack;
        this.demoDir = stack.settings().checkout().resolve("local-stack/demo");
        this.tokens = stack.keycloak().tokens();
    }

    /** Loads the demo data unless this data directory already has it; returns whether it loaded. */
    boolean loadOnce() {
        Path marker = stack.settings().dataDir().resolve("demo-data-loaded");
        if (Files.exists(marker)) {
            return false;
        }
        load();
        try {
            Files.writeString(marker, "Demo data loaded; delete this file (or the directory) to load it again.\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    void load() {
        String registry = tokens.registry();
        for (Path household : files("households")) {
            String id = household.getFileName().toString().replaceFirst("-[a-z]+\\.json$", "");
            send("PUT", stack.url(Service.REGISTRY) + "/households/" + id, registry, household);
        }
        String taxFeed = tokens.taxFeed();
        send("POST", stack.url(Service.ELIGIBILITY) + "/tax-feed/incomes", taxFeed, demoDir.resolve("incomes.json"));
        send("POST", stack.url(Service.ELIGIBILITY) + "/tax-feed/refund-accounts", taxFeed,
                demoDir.resolve("refund-accounts.json"));
        for (Path citizenDir : files("citizens")) {
            String username = citizenDir.getFileName().toString();
            String token = tokens.person(username);
            Path consent = citizenDir.resolve("consent.json");
            if (Files.exists(consent)) {
                send("POST", stack.url(Service.CONSENT) + "/me/consents", token, consent);
            }
            Path account = citizenDir.resolve("payout-account.json");
            if (Files.exists(account)) {
                send("PUT", stack.url(Service.PAYMENT) + "/me/payout-account", token, account);
            }
        }
    }

    private List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(demoDir.resolve(folder))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String method, String url, String token, Path body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofFile(body))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " with " + body + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
