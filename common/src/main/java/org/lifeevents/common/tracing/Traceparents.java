package org.lifeevents.common.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} an event carries from the transaction that wrote it, through the outbox, to the Kafka
 * record the relay sends: so the trace of a registry request continues in eligibility and on into payment, although
 * the relay publishes later, from its own thread.
 * <p>
 * An event written while a consumer handles a poll continues the trace of the record it answers, found by the
 * correlation id the two share ({@link #handling}): a poll holds records of many traces, handled in one transaction,
 * and the current span can belong to only one of them.
 */
public final class Traceparents {

    /** The W3C Trace Context header, on Kafka records as on HTTP requests. */
    public static final String HEADER = "traceparent";

    private static final ContextKey<Map<String, Context>> BY_CORRELATION_ID = ContextKey.named("lifeevents-causes");

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> StreamSupport.stream(headers.spliterator(), false).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(HEADER);
        }

        @Override
        public String get(String traceparent, String key) {
            return HEADER.equals(key) ? traceparent : null;
        }
    };

    private Traceparents() {
    }

    /**
     * The traceparent an event of this correlation id continues: that of the record being handled with the same
     * correlation id, else the current span's; {@code null} when there is no trace to continue.
     */
    public static String forEvent(String correlationId) {
        Context context = Context.current();
        Map<String, Context> causes = context.get(BY_CORRELATION_ID);
        if (causes != null && correlationId != null) {
            context = causes.getOrDefault(correlationId, context);
        }
        return of(context);
    }

    /** The context's traceparent, {@code null} when it holds no valid span. */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The context a record's {@value #HEADER} header continues; the given one when it has none. */
    public static Context extract(Headers headers, Context into) {
        return W3CTraceContextPropagator.getInstance().extract(into, headers, KAFKA_HEADERS);
    }

    /** The context a stored traceparent continues; the root context when it is {@code null} or invalid. */
    public static Context parse(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_VALUE);
    }

    /**
     * Makes {@code current} the current context while a poll is handled, with the context of each record by its
     * event's correlation id, so the events the handling writes continue the traces of the records they answer.
     */
    public static Scope handling(Context current, Map<String, Context> byCorrelationId) {
        return current.with(BY_CORRELATION_ID, Map.copyOf(byCorrelationId)).makeCurrent();
    }
}
