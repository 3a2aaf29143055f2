package org.lifeevents.common.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.Events;

/**
 * One attempt at handling an event: a separate bean so that each retry of {@link EventIntake} runs in a fresh
 * transaction.
 */
@ApplicationScoped
public class IntakeTransaction {

    @Inject
    EntityManager entityManager;

    /** Handles the event unless this consumer already did; returns whether it handled it now. */
    @Transactional
    public boolean handleOnce(String consumer, SpecificRecord event, EventHandler handler) {
        if (!firstDelivery(consumer, Events.eventId(event))) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    /**
     * Records the delivery; false when the consumer has handled the event before. A concurrent duplicate waits on the
     * primary key until the first commits, then sees the row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                insert into processed_message (consumer, event_id) values (?1, ?2) on conflict do nothing
                """)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
