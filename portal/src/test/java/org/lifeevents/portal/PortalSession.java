package org.lifeevents.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the portal over HTTP, with cookies, as a browser without JavaScript would: signs in by filling in
 * Keycloak's real login form (the authorization code flow with PKCE runs for real), then reads and posts pages. The
 * real-browser test is in system-tests.
 */
public final class PortalSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final URI portal;
    private final CookieManager cookies = new LoopbackCookies();
    private final HttpClient http;

    public PortalSession(URI portal) {
        this.portal = portal;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through Keycloak's login page and answers the page the portal lands on. */
    public HttpResponse<String> signIn(String username, String path) {
        HttpResponse<String> loginPage = get(path);
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new IllegalStateException("No Keycloak login form at " + loginPage.uri() + ": " + loginPage.body());
        }
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> landed = send(
                HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", username + "-demo", "credentialId", ""))))
                        .build());
        if (!landed.uri().getAuthority().equals(portal.getAuthority())) {
            throw new IllegalStateException("Signing in as " + username + " ended at " + landed.uri() + " ("
                    + landed.statusCode() + "), cookies " + cookies.getCookieStore().getCookies() + ": "
                    + landed.body().replaceAll("\\s+", " "));
        }
        return landed;
    }

    public void language(String lang) {
        post("/language", Map.of("lang", lang, "back", "/"));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(portal.resolve(path)).GET().build());
    }

    /** A form POST from one of the portal's own pages (the Origin a browser sends). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(portal.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", portal.getScheme() + "://" + portal.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak marks its session cookies Secure; browsers send those to http://127.0.0.1 and localhost (a trustworthy
     * origin), Java's cookie manager does not. So this client keeps them as a browser would on the loopback address.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> plain = new HashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                    : values));
            super.put(uri, plain);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
