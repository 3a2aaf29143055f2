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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body is larger than the service takes ({@code quarkus.http.limits.max-body-size})
 * with a 413 problem, before any of the body is read. Quarkus refuses it too, but with an empty body, which a client
 * cannot tell from a proxy's. A body sent in chunks without a length is still cut off by Quarkus itself when it passes
 * the limit, with its own empty 413.
 */
@ApplicationScoped
public class BodyTooLarge {

    /** Ahead of Quarkus' own limit check (order -2), which answers without a body. */
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void refuseOversizedBodies(@Observes Router router) {
        maxBodySize.map(MemorySize::asLongValue)
                .ifPresent(limit -> router.route().order(ORDER).handler(context -> check(context, limit)));
    }

    private void check(RoutingContext context, long limit) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= limit) {
            context.next();
            return;
        }
        String correlationId = CorrelationId.of(context.request().getHeader(CorrelationId.HEADER));
        Problem problem = Problem.of(413, "body_too_large", "Content Too Large", "The body is " + declared
                + " bytes; this service takes at most " + limit + ".", context.request().path(), correlationId,
                List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of the body is not read: the connection closes once the answer is out, or the client would be held
        // (and would hold the connection) until the idle timeout, sending into a body nobody reads.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> context.request().connection().close());
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
