package org.lifeevents.common.intake;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.apache.avro.specific.SpecificRecord;

/**
 * Handles the events of one poll that this consumer has not handled before, in their order, inside one transaction.
 * A handler that can do the work of many events at once (decide a household once however many of its events arrived)
 * does it here; the default handles them one after the other.
 */
@FunctionalInterface
public interface BatchHandler {

    void handleAll(List<SpecificRecord> events);

    /** Handles each event on its own, in order, in the batch's transaction. */
    static BatchHandler eachOf(EventHandler handler) {
        return events -> events.forEach(handler::handle);
    }

    /**
     * Handles each event on its own, in order, and writes and forgets its entities before the next: a session that
     * kept every entity of a poll would dirty-check all of them before each query and each native statement, work
     * that grows with the square of the poll (a poll of 500 entitlements with their payments took about 90 s).
     */
    static BatchHandler eachOf(EventHandler handler, EntityManager session) {
        return events -> events.forEach(event -> {
            handler.handle(event);
            session.flush();
            session.clear();
        });
    }
}
