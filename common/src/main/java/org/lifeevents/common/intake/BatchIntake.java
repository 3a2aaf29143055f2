package org.lifeevents.common.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.tracing.Traceparents;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.events.wire.UnreadableEventException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Where a batch consumer hands a whole poll: the events it has not handled before are handled in one transaction,
 * with one statement recording them all as handled, so a poll of hundreds of events costs one commit instead of
 * hundreds. The guarantees are those of {@link EventIntake}:
 * <ul>
 * <li>a record that is not our format is refused on its own and goes to the dead-letter topic of its source topic
 * and this service ({@link Topics#deadLetter}), also when one channel reads several topics;</li>
 * <li>passing failures (the database restarting, a lock timeout) retry the whole batch in place, so per-key order
 * holds;</li>
 * <li>when an event is rejected, or the batch keeps failing, nothing of the batch is kept and its events go through
 * {@link EventIntake} one by one: the rejected event alone goes to the dead-letter topic, the others are handled;</li>
 * <li>only the contract dead-letters: an event that keeps failing for another reason (the database down for minutes)
 * is tried again, with growing pauses, until it is handled ({@link IntakeStalls}), and the records behind it wait in
 * order.</li>
 * </ul>
 * The batch is acknowledged only after all of that, so a crash redelivers it and the recorded event ids skip what
 * was done.
 */
@ApplicationScoped
public class BatchIntake {

    private static final Logger LOG = Logger.getLogger(BatchIntake.class);

    @Inject
    IntakeTransaction transaction;

    @Inject
    EventIntake oneByOne;

    @Inject
    BatchIntake self;

    @Inject
    IntakeStalls stalls;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * @param consumer the consuming component's stable name; the same event is handled once per consumer
     * @param batch one poll of Avro single-object encoded events
     * @param handler handles the batch's new events together
     * @param single handles one event, for the one-by-one path after a rejection
     */
    public CompletionStage<Void> accept(String consumer, KafkaRecordBatch<?, byte[]> batch, BatchHandler handler,
            EventHandler single) {
        List<CompletionStage<Void>> refusals = new ArrayList<>();
        List<KafkaRecord<?, byte[]>> readable = new ArrayList<>();
        List<SpecificRecord> events = new ArrayList<>();
        for (KafkaRecord<?, byte[]> record : batch.getRecords()) {
            try {
                events.add(EventCodec.decode(record.getPayload()));
                readable.add(record);
            } catch (UnreadableEventException e) {
                refusals.add(refuse(record, e));
            }
        }
        Map<String, Context> traces = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String correlationId = Events.correlationId(events.get(i));
            if (correlationId != null) {
                traces.putIfAbsent(correlationId, traceOf(readable.get(i)));
            }
        }
        Span span = startSpan(consumer, events.size(), traces);
        // one trace: the poll's span is the parent of what it causes; several: each event continues its record's
        Map<String, Context> causes = traceIds(traces.values()).size() > 1 ? traces : Map.of();
        try (Scope scope = Traceparents.handling(Context.current().with(span), causes)) {
            handle(consumer, events, handler, single, readable, refusals);
        } catch (IntakeStalls.Stopped stopped) {
            // neither acknowledged nor dead-lettered: the poll comes again after the restart
            return new CompletableFuture<>();
        } finally {
            span.end();
        }
        return CompletableFuture.allOf(refusals.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    private void handle(String consumer, List<SpecificRecord> events, BatchHandler handler, EventHandler single,
            List<KafkaRecord<?, byte[]>> readable, List<CompletionStage<Void>> refusals) {
        try {
            self.handleBatch(consumer, events, handler);
        } catch (RuntimeException e) {
            LOG.infof("%s: a batch of %d events failed as a whole (%s); handling them one by one", consumer,
                    events.size(), e.toString());
            for (KafkaRecord<?, byte[]> record : readable) {
                try (Scope scope = traceOf(record).makeCurrent()) {
                    stalls.untilDone(consumer, () -> oneByOne.accept(consumer, record.getPayload(), single));
                } catch (RejectedEventException | UnreadableEventException refused) {
                    refusals.add(refuse(record, refused));
                }
            }
        }
    }

    /**
     * The record's trace: the span SmallRye opened for it when tracing is on (a child of the producer's, from the
     * record's {@value Traceparents#HEADER} header), else the header's context itself.
     */
    private static Context traceOf(KafkaRecord<?, byte[]> record) {
        return TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> Traceparents.extract(record.getHeaders(), Context.current()));
    }

    /**
     * The span of handling a poll, which its log lines carry: a child of the records' trace when they all share one
     * (the usual poll of one life event), else a trace of its own linked to each of theirs.
     */
    private Span startSpan(String consumer, int events, Map<String, Context> traces) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " handle").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("lifeevents.consumer", consumer)
                .setAttribute("messaging.batch.message_count", (long) events);
        if (traces.size() == 1) {
            builder.setAttribute(CorrelationId.SPAN_ATTRIBUTE, traces.keySet().iterator().next());
        }
        if (traceIds(traces.values()).size() == 1) {
            traces.values().stream().filter(trace -> Span.fromContext(trace).getSpanContext().isValid()).findFirst()
                    .ifPresent(builder::setParent);
        } else {
            builder.setNoParent();
            traces.values().stream().map(trace -> Span.fromContext(trace).getSpanContext()).filter(SpanContext::isValid)
                    .distinct().forEach(builder::addLink);
        }
        return builder.startSpan();
    }

    private static Set<String> traceIds(Collection<Context> traces) {
        Set<String> traceIds = new HashSet<>();
        for (Context trace : traces) {
            SpanContext span = Span.fromContext(trace).getSpanContext();
            if (span.isValid()) {
                traceIds.add(span.getTraceId());
            }
        }
        return traceIds;
    }

    /**
     * Sends the record to the dead-letter topic of the topic it came from: a channel may read several topics, and
     * whoever re-drives a refused record needs to know where it belongs.
     */
    private CompletionStage<Void> refuse(KafkaRecord<?, byte[]> record, Exception reason) {
        return record.nack(reason, Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(Topics.deadLetter(record.getTopic(), service)).build()));
    }

    /** One attempt per retry, each in a fresh transaction; a rejected event ends the attempts at once. */
    @Retry(maxRetries = 8, delay = 250, jitter = 100, maxDuration = 30_000, abortOn = { RejectedEventException.class,
            UnreadableEventException.class })
    public void handleBatch(String consumer, List<SpecificRecord> events, BatchHandler handler) {
        if (!events.isEmpty()) {
            transaction.handleAllOnce(consumer, events, handler);
        }
    }
}
