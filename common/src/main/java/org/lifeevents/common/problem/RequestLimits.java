package org.lifeevents.common.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeevents.common.correlation.CorrelationId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses with a problem, before anything else reads the request, a URI longer than
 * {@code lifeevents.http.max-uri-length} (414 {@code uri_too_long}) and a declared body larger than
 * {@code quarkus.http.limits.max-body-size} (413 {@code body_too_large}). Quarkus and Vert.x refuse both too, but with
 * an empty body, which a client cannot tell from a proxy's. Vert.x's own line limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set well above ours; a request line beyond it, and a body
 * sent in chunks without a length that Quarkus cuts off when it passes the limit, are answered with a problem by
 * {@link InvalidRequests}.
 */
@ApplicationScoped
public class RequestLimits {

    /** Ahead of Quarkus' own body limit check (order -2), which answers without a body. */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @ConfigProperty(name = "lifeevents.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @Inject
    ObjectMapper json;

    void refuseOverLimits(@Observes Router router) {
        long bodyLimit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(ORDER).handler(context -> check(context, bodyLimit));
    }

    private void check(RoutingContext context, long bodyLimit) {
        int uriLength = context.request().uri().length();
        if (uriLength > maxUriLength) {
            // Not echoed in the problem's instance: the URI is what is too long.
            refuse(context, 414, "uri_too_long", "URI Too Long", "The URI is " + uriLength
                    + " characters; this service takes at most " + maxUriLength + ".", null);
            return;
        }
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > bodyLimit) {
            refuse(context, 413, "body_too_large", "Content Too Large", "The body is " + declared
                    + " bytes; this service takes at most " + bodyLimit + ".", context.request().path());
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String code, String title, String detail, String instance) {
        refuse(json, context.request(), status, code, title, detail, instance);
    }

    /**
     * Answers the request with a problem and closes the connection. The body, if any, is not read: the connection
     * closes once the answer is out, or the client would be held (and would hold the connection) until the idle
     * timeout, sending into a body nobody reads.
     */
    static void refuse(ObjectMapper json, HttpServerRequest request, int status, String code, String title,
            String detail, String instance) {
        String correlationId = CorrelationId.of(request.getHeader(CorrelationId.HEADER));
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, code, title, detail, instance, correlationId, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> request.connection().close());
    }

    /** The declared length; -1 when there is none or it is not a number (left to the HTTP server to refuse). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
