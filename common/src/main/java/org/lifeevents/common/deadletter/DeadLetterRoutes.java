package org.lifeevents.common.deadletter;

import java.util.Optional;

import org.lifeevents.common.intake.EventHandler;

/**
 * Where a service's consumers take the events of each topic they read: what a re-drive hands a dead-lettered record to,
 * so it is handled exactly as if the live consumer had taken it. A service that consumes nothing provides none.
 */
public interface DeadLetterRoutes {

    /** The consumer of one source topic: its stable name (events are handled once per name) and its handler. */
    record Route(String consumer, EventHandler handler) {
    }

    Optional<Route> route(String sourceTopic);
}
