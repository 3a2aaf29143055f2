package org.lifeevents.portal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in through Keycloak's real login page with PKCE, roles from the access token, the token forwarded, and out. */
@QuarkusTest
class SignInTest {

    @TestHTTPResource("/")
    URI portal;

    @Test
    void aPageOfThePortalSendsAnUnknownVisitorToKeycloakWithAPkceChallenge() {
        for (String page : new String[] { "/me", "/cases", "/audit", "/home" }) {
            Response answer = given().redirects().follow(false).get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            URI location = URI.create(answer.header("Location"));
            Map<String, String> query = query(location);
            assertThat(location.getPath()).endsWith("/realms/lifeevents/protocol/openid-connect/auth");
            assertThat(query).containsEntry("client_id", "portal").containsEntry("response_type", "code")
                    .containsEntry("code_challenge_method", "S256").containsKey("state");
            // An S256 challenge is the base64url SHA-256 of the verifier: 43 characters.
            assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            assertThat(query.get("redirect_uri")).startsWith("http://localhost:");
            assertThat(answer.header("Set-Cookie")).contains("q_auth");
        }
    }

    @Test
    void theWelcomePageIsPublic() {
        given().get("/").then().statusCode(200).contentType("text/html");
    }

    @Test
    void aParentSignsInSeesTheOfferAndConfirmsItWithTheirOwnToken() {
        PortalSession kati = new PortalSession(portal);
        HttpResponse<String> dashboard = kati.signIn("kati", "/me");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.uri().getPath()).isEqualTo("/me");
        assertThat(dashboard.body()).contains("Birth grant", "Mari (62603020013)", "€320.00",
                "from the civil registry (birth registration B-1), 2 March 2026", "Add your payout account",
                "Give consent to use my income for family benefits", "reg-B-1-corr");
        assertThat(ServiceStub.of("kati")).extracting(ServiceStub.Received::path).contains("/me/offers",
                "/me/payout-account", "/me/payments");

        HttpResponse<String> confirmed = kati.post("/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "/confirm", Map.of());
        assertThat(confirmed.uri().toString()).endsWith("/me?done=confirmed");
        assertThat(confirmed.body()).contains("Confirmed. Thank you");
        assertThat(ServiceStub.of("kati")).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "/confirm");
        });
    }

    @Test
    void aServiceRefusalIsShownInWordsWithItsReferenceNeverAsAStackTrace() {
        PortalSession jaan = new PortalSession(portal);
        jaan.signIn("jaan", "/me");
        HttpResponse<String> refused = jaan.post("/me/offers/" + ServiceStub.CONFLICT_ID + "/confirm", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("The other parent already took this benefit.", "corr-stub-1")
                .doesNotContain("Exception", "at org.");
    }

    @Test
    void aRoleSeesOnlyItsOwnPages() {
        PortalSession carl = new PortalSession(portal);
        HttpResponse<String> start = carl.signIn("carl", "/home");
        assertThat(start.uri().getPath()).isEqualTo("/cases");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("<h1>Case queue</h1>", "aria-current=\"page\">Case queue");
        HttpResponse<String> citizenPage = carl.get("/me");
        assertThat(citizenPage.statusCode()).isEqualTo(403);
        assertThat(citizenPage.body()).contains("Your role does not give you access to this.");
        assertThat(carl.get("/audit").statusCode()).isEqualTo(403);

        PortalSession liis = new PortalSession(portal);
        liis.signIn("liis", "/me");
        assertThat(liis.get("/cases").statusCode()).isEqualTo(403);
        assertThat(liis.get("/me/offers/" + ServiceStub.BIRTH_GRANT_ID).statusCode()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo() {
        PortalSession eva = new PortalSession(portal);
        eva.signIn("eva", "/me");
        HttpResponse<String> afterLogout = eva.post("/logout", Map.of());
        assertThat(afterLogout.uri().getPath()).isEqualTo("/");
        HttpResponse<String> again = eva.get("/me");
        assertThat(again.body()).contains("kc-form-login");
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
