package org.lifeevents.notification.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.deadletter.DeadLetterRoutes;
import org.lifeevents.common.intake.BatchIntake;
import org.lifeevents.events.Topics;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Takes decisions, payments and cases off their topics, a whole poll per transaction, each event once; Kafka transport
 * only. The notices are written by {@link EventNotices}.
 */
@ApplicationScoped
public class EventConsumers implements DeadLetterRoutes {

    /** The channels, configured in application.properties. */
    public static final String ENTITLEMENTS = "entitlements";
    public static final String PAYMENTS = "payments";
    public static final String CASES = "cases";

    /** The intake's consumer names per source topic: each event is handled once under its name. */
    static final Map<String, String> CONSUMERS = Map.of(
            Topics.ENTITLEMENTS, "notification.entitlements",
            Topics.PAYMENTS, "notification.payments",
            Topics.CASES, "notification.cases");

    @Inject
    BatchIntake intake;

    @Inject
    EventNotices notices;

    @Incoming(ENTITLEMENTS)
    @Blocking
    public CompletionStage<Void> onEntitlements(KafkaRecordBatch<String, byte[]> batch) {
        return accept(Topics.ENTITLEMENTS, batch);
    }

    @Incoming(PAYMENTS)
    @Blocking
    public CompletionStage<Void> onPayments(KafkaRecordBatch<String, byte[]> batch) {
        return accept(Topics.PAYMENTS, batch);
    }

    @Incoming(CASES)
    @Blocking
    public CompletionStage<Void> onCases(KafkaRecordBatch<String, byte[]> batch) {
        return accept(Topics.CASES, batch);
    }

    private CompletionStage<Void> accept(String topic, KafkaRecordBatch<String, byte[]> batch) {
        return intake.accept(CONSUMERS.get(topic), batch, notices::handleAll, event -> notices.handleAll(
                List.of(event)));
    }

    /** A dead-lettered event goes back to the same notices, handled on its own as after a refused batch. */
    @Override
    public Optional<Route> route(String sourceTopic) {
        return Optional.ofNullable(CONSUMERS.get(sourceTopic))
                .map(consumer -> new Route(consumer, event -> notices.handleAll(List.of(event))));
    }
}
