package org.lifeevents.common.intake;

/**
 * An event that breaks the contract or the domain's rules (an invalid person id, an impossible date). It is never
 * retried: the intake rolls back, so nothing changes, and the message goes to the dead-letter topic with this reason.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
