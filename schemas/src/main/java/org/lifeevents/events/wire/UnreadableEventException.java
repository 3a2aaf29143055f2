package org.lifeevents.events.wire;

/** A message that is not one of our events, or whose body does not match its schema; it belongs on a dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
