package org.lifeevents.common.deadletter;

import java.util.List;

/**
 * What one re-drive did with the records that had reached a dead-letter topic since the last re-drive.
 *
 * @param redriven handled now, or found handled already (a record is handled once, however often it is re-driven)
 * @param refusedAgain still unreadable or still breaking the contract, with the reason; a later re-drive does not read
 *        them again (they stay on the dead-letter topic for whoever looks)
 */
public record RedriveReport(String sourceTopic, String deadLetterTopic, int read, int redriven,
        List<Refusal> refusedAgain) {

    /** A record refused again: where it is on the dead-letter topic, and why. */
    public record Refusal(int partition, long offset, String reason) {
    }
}
