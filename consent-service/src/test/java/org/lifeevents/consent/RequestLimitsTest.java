package org.lifeevents.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A client that announces a body larger than the service takes (10 MiB, Quarkus' default) gets a 413 problem at once,
 * before it sends the body, and a URI over 4,096 characters a 414 problem. Over a plain socket, because an HTTP client
 * would first send the gigabyte it announces, and would not send a request line or headers past the server's own
 * limits. What the HTTP server and Quarkus REST refuse themselves (a request line or headers past the server's limits,
 * bytes that are not HTTP, a chunked body that grows past the limit, a wrong method, media type or path) is a problem
 * with a stable code too.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @Test
    void aBodyAnnouncedOverTheLimitIsA413Problem() throws IOException {
        String response = exchange("POST /me/consents HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1073741824\r\nX-Correlation-Id: too-large-1\r\n\r\n{\"purpose\":");
        assertThat(response).startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("x-correlation-id: too-large-1")
                .contains("\"code\":\"body_too_large\"", "\"status\":413", "\"correlationId\":\"too-large-1\"",
                        "\"instance\":\"/me/consents\"", "this service takes at most 10485760");
    }

    @Test
    void aUriOverTheLimitIsA414ProblemThatDoesNotEchoIt() throws IOException {
        String response = exchange("GET /me/consents?pad=" + "a".repeat(5000) + " HTTP/1.1\r\n"
                + "X-Correlation-Id: too-long-1\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 414")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"uri_too_long\"", "\"status\":414", "\"correlationId\":\"too-long-1\"",
                        "this service takes at most 4096")
                .doesNotContain("aaaaaaaaaa");
    }

    @Test
    void aRequestLineOverTheServersOwnLimitIsA414Problem() throws IOException {
        // Over Vert.x's own limit (16 KiB), which refuses it before any route sees it.
        String response = exchange("GET /me/consents?pad=" + "a".repeat(20_000) + " HTTP/1.1\r\n"
                + "X-Correlation-Id: line-too-long-1\r\n\r\n");
        // Vert.x answers a request it could not read in HTTP/1.0.
        assertThat(response).startsWith("HTTP/1.").contains(" 414 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"uri_too_long\"", "\"status\":414").doesNotContain("aaaaaaaaaa");
    }

    @Test
    void headersOverTheServersLimitAreA431Problem() throws IOException {
        String response = exchange("GET /me/consents HTTP/1.1\r\nX-Padding: " + "b".repeat(30_000) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"headers_too_large\"", "\"status\":431").doesNotContain("bbbbbbbbbb");
    }

    @Test
    void aRequestThatIsNotHttpIsA400Problem() throws IOException {
        String response = exchange("GET /me/consents HTTP/7.x\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.")
                .contains(" 400 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"malformed_request\"");
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsA413Problem() throws IOException {
        String kati = new KeycloakTokens(realmUrl).person("kati");
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /me/consents HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAuthorization: Bearer " + kati
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 12; i++) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedWhileSending) {
                // The service may answer and close before the whole body is sent; its answer is read below.
            }
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"body_too_large\"", "\"instance\":\"/me/consents\"");
        }
    }

    @Test
    void theFrameworksOwnRefusalsAreProblemsWithAStableCode() {
        String kati = new KeycloakTokens(realmUrl).person("kati");
        given().auth().oauth2(kati).delete("/me/consents").then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("method_not_allowed"));
        given().auth().oauth2(kati).accept("image/png").get("/me/consents").then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("not_acceptable"));
        given().auth().oauth2(kati).contentType("text/plain").body("hello").post("/me/consents").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE).body("code", equalTo("unsupported_media_type"));
        given().auth().oauth2(kati).get("/no/such/thing").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("not_found"));
    }

    /** Sends the request as written (a Host header added after its request line) and reads the answer. */
    private String exchange(String request) throws IOException {
        int lineEnd = request.indexOf("\r\n") + 2;
        String withHost = request.substring(0, lineEnd) + "Host: " + root.getHost() + "\r\n" + request.substring(lineEnd);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(withHost.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = readResponse(in);
            assertThat(in.read()).as("the connection is closed after the answer").isEqualTo(-1);
            return response;
        }
    }

    /** The status line, the headers and as many bytes of body as the response declares. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int headEnd = -1;
        int c;
        while ((c = in.read()) != -1) {
            text.append((char) c);
            if (headEnd < 0 && text.length() >= 4 && text.substring(text.length() - 4).equals("\r\n\r\n")) {
                headEnd = text.length();
                int length = contentLength(text.toString());
                byte[] body = in.readNBytes(length);
                text.append(new String(body, StandardCharsets.UTF_8));
                break;
            }
        }
        return text.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
