package org.lifeevents.common.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lifeevents.events.Events;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.events.wire.UnreadableEventException;

/**
 * Where every Kafka consumer hands its records: decode, skip what was handled before, handle the rest in one
 * transaction with the record of having handled it. Passing failures (the database restarting, a lock timeout) are
 * retried in place a few times, so per-key order holds, and then left to the caller, which keeps trying
 * ({@link IntakeStalls}); an unreadable or rejected event fails at once and the channel's dead-letter strategy takes
 * it, with the reason.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    @Inject
    IntakeTransaction transaction;

    /**
     * @param consumer the consuming component's stable name; the same event is handled once per consumer
     * @param payload the record value, an Avro single-object encoded event
     * @return the decoded event
     */
    @Retry(maxRetries = 8, delay = 250, jitter = 100, maxDuration = 30_000, abortOn = { RejectedEventException.class,
            UnreadableEventException.class })
    public SpecificRecord accept(String consumer, byte[] payload, EventHandler handler) {
        SpecificRecord event = EventCodec.decode(payload);
        MDC.put("correlationId", Events.correlationId(event));
        try {
            if (!transaction.handleOnce(consumer, event, handler)) {
                LOG.debugf("%s already handled %s %s", consumer, Events.type(event), Events.eventId(event));
            }
            return event;
        } finally {
            MDC.remove("correlationId");
        }
    }
}
