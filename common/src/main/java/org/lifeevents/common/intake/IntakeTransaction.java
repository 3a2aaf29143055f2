package org.lifeevents.common.intake;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.avro.specific.SpecificRecord;
import org.hibernate.Session;
import org.jboss.logging.MDC;
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
     * Handles, in one transaction, the events this consumer has not handled before (each once, even when a poll holds
     * it twice); returns how many it handled now.
     */
    @Transactional
    public int handleAllOnce(String consumer, List<SpecificRecord> events, BatchHandler handler) {
        Set<String> fresh = firstDeliveries(consumer, events.stream().map(Events::eventId).toList());
        List<SpecificRecord> toHandle = new ArrayList<>(fresh.size());
        for (SpecificRecord event : events) {
            if (fresh.remove(Events.eventId(event))) {
                toHandle.add(event);
            }
        }
        if (!toHandle.isEmpty()) {
            MDC.put("correlationId", Events.correlationId(toHandle.get(0)));
            try {
                handler.handleAll(toHandle);
            } finally {
                MDC.remove("correlationId");
            }
        }
        return toHandle.size();
    }

    /**
     * Records the deliveries in one statement; returns the event ids this consumer had not handled before. Concurrent
     * duplicates wait on the primary key until the first transaction commits, then see its rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_message (consumer, event_id)
                    select ?, event_id from unnest(?::text[]) as delivered(event_id)
                    on conflict do nothing
                    returning event_id
                    """)) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray(String[]::new)));
                Set<String> fresh = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getString(1));
                    }
                }
                return fresh;
            }
        });
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
