package org.lifeevents.common.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.Events;
import org.lifeevents.events.wire.EventCodec;

/**
 * Writes an event into the outbox table in the caller's transaction, so the event exists exactly when the business
 * change it announces is committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    /**
     * Adds the event to the outbox.
     *
     * @param topic the topic, from {@link org.lifeevents.events.Topics}
     * @param key the partition key that orders the event among its kind (a person id, a household id, ...)
     */
    @Transactional(TxType.MANDATORY)
    public void publish(String topic, String key, SpecificRecord event) {
        String correlationId = Events.correlationId(event);
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > Events.CORRELATION_ID_MAX_LENGTH) {
            throw new IllegalArgumentException("Event needs a correlation id of 1 to 35 characters: " + correlationId);
        }
        entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, partition_key, event_type, correlation_id, payload)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                """)
                // The insert touches only the outbox table: no need to flush the caller's entities first. (Flushing
                // before each event dirty-checks every managed entity: quadratic when a step publishes thousands.)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, UUID.fromString(Events.eventId(event)))
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, Events.type(event))
                .setParameter(5, correlationId)
                .setParameter(6, EventCodec.encode(event))
                .executeUpdate();
    }
}
