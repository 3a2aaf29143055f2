package org.lifeevents.consent.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.intake.EventIntake;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Takes reported data accesses off {@code consent.data-access.v1}, once each; Kafka transport only. */
@ApplicationScoped
public class DataAccessConsumer {

    /** The channel, configured in application.properties. */
    public static final String CHANNEL = "data-access";
    /** The intake's consumer name: each event is recorded once under it. */
    public static final String CONSUMER = "consent.data-access";

    @Inject
    EventIntake intake;

    @Inject
    DataAccessRecorder recorder;

    @Incoming(CHANNEL)
    @Blocking
    public void on(byte[] payload) {
        intake.accept(CONSUMER, payload, recorder::record);
    }
}
