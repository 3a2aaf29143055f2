package org.lifeevents.common.correlation;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.lifeevents.events.Events;

import io.opentelemetry.api.trace.Span;

/**
 * Gives every HTTP request a correlation id: the caller's {@code X-Correlation-Id} when it is a valid one, else a new
 * one. It goes into the logs (MDC), the response header, problem details, and the events the request causes.
 */
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** The span attribute that names the correlation id, so a trace is found from the id a family quotes. */
    public static final String SPAN_ATTRIBUTE = "lifeevents.correlation_id";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1," + Events.CORRELATION_ID_MAX_LENGTH + "}");

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = of(request.getHeaderString(HEADER));
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        Span.current().setAttribute(SPAN_ATTRIBUTE, id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's correlation id when it is a valid one, else a new one. */
    public static String of(String given) {
        return given != null && VALID.matcher(given).matches() ? given : Events.newCorrelationId();
    }

    /** The current request's correlation id; a new one outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? Events.newCorrelationId() : id.toString();
    }
}
