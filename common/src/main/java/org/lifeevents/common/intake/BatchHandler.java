package org.lifeevents.common.intake;

import java.util.List;

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
}
