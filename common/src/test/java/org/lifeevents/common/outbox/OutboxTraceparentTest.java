package org.lifeevents.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.tracing.Traceparents;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.lifeevents.localservers.testing.SharedServers;
import org.lifeevents.localservers.testing.TopicReader;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of the transaction that writes an outbox row travels with the row and leaves as the Kafka record's
 * {@code traceparent} header, although the relay publishes later, from its own thread: against a real PostgreSQL and
 * a real Kafka broker, with the OpenTelemetry API alone (no SDK: the context, not the spans, is what travels).
 */
class OutboxTraceparentTest {

    private static final String REQUEST = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String OTHER_RECORD = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static DataSource dataSource;
    private static String bootstrap;
    private OutboxRelay relay;

    @BeforeAll
    static void servers() throws Exception {
        dataSource = OutboxDatabase.create("outbox_traceparent_test");
        bootstrap = SharedServers.kafka().bootstrapServers();
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void eachRecordCarriesTheTraceOfWhatWroteItsRow() throws Exception {
        String topic = "outbox-trace-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Scope request = Traceparents.parse(REQUEST).makeCurrent()) {
                // a consumer's poll in the request's trace, holding a record of another trace with correlation id "other"
                try (Scope poll = Traceparents.handling(Context.current(),
                        Map.of("other", Traceparents.parse(OTHER_RECORD)))) {
                    OutboxWriter.write(connection, List.of(row(topic, "in-request"), row(topic, "other")));
                }
            }
            OutboxWriter.write(connection, List.of(row(topic, "untraced")));
            connection.commit();
        }

        relay = new OutboxRelay(dataSource, Map.of("bootstrap.servers", bootstrap), "trace-test-" + topic, 10,
                Duration.ofMillis(50), Duration.ofDays(1));
        relay.start();

        TopicReader reader = new TopicReader(bootstrap);
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.readRaw(topic).size() >= 3);
        List<ConsumerRecord<String, byte[]>> records = reader.readRaw(topic);
        assertThat(records).extracting(r -> traceparentOf(r)).containsExactly(REQUEST, OTHER_RECORD, null);
        assertThat(Span.fromContext(Traceparents.extract(records.get(0).headers(), Context.root())).getSpanContext())
                .isEqualTo(SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                        TraceFlags.getSampled(), TraceState.getDefault()));
    }

    private static String traceparentOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(Traceparents.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static OutboxWriter.Row row(String topic, String correlationId) {
        IncomeAssessedEvent event = IncomeAssessedEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setCorrelationId(correlationId)
                .setAssessmentId("A-" + correlationId)
                .setPersonId("39001010001")
                .setTaxYear(2025)
                .setTaxableIncomeCents(1_200_000)
                .setAssessedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .build();
        return new OutboxWriter.Row(topic, "39001010001:2025", event);
    }
}
