package org.lifeevents.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that announces a body larger than the service takes (10 MiB, Quarkus' default) gets a 413 problem at once,
 * before it sends the body, and a URI over 4,096 characters a 414 problem. Over a plain socket, because an HTTP client
 * would first send the gigabyte it announces.
 */
@QuarkusTest
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL root;

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
