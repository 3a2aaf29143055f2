package org.lifeevents.consent.tracker;

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
 * Takes reported data accesses off {@code consent.data-access.v1}, once each, a whole poll per transaction; Kafka
 * transport only.
 */
@ApplicationScoped
public class DataAccessConsumer implements DeadLetterRoutes {

    /** The channel, configured in application.properties. */
    public static final String CHANNEL = "data-access";
    /** The intake's consumer name: each event is recorded once under it. */
    public static final String CONSUMER = "consent.data-access";

    @Inject
    BatchIntake intake;

    @Inject
    DataAccessRecorder recorder;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return intake.accept(CONSUMER, batch, recorder::recordAll, recorder::record);
    }

    /** A dead-lettered access report goes back to the recorder, handled on its own as after a refused batch. */
    @Override
    public Optional<Route> route(String sourceTopic) {
        return Topics.DATA_ACCESS.equals(sourceTopic) ? Optional.of(new Route(CONSUMER, recorder::record))
                : Optional.empty();
    }
}
