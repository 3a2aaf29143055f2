package org.lifeevents.bank;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** What the bank remembers of a file it received: enough to recognise it again and to show what it did with it. */
public final class ReceivedFile {

    private final String messageId;
    private final String digest;
    private final OffsetDateTime receivedAt;
    private final AtomicInteger deliveries = new AtomicInteger();
    private volatile int credited;
    private volatile int rejected;
    private volatile long creditedCents;

    ReceivedFile(String messageId, String digest, OffsetDateTime receivedAt) {
        this.messageId = messageId;
        this.digest = digest;
        this.receivedAt = receivedAt;
    }

    void record(int credited, int rejected, long creditedCents) {
        this.credited = credited;
        this.rejected = rejected;
        this.creditedCents = creditedCents;
    }

    public String messageId() {
        return messageId;
    }

    String digest() {
        return digest;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    /** How often the file was sent; more than one is a client asking again for the report, never a second credit. */
    public AtomicInteger deliveries() {
        return deliveries;
    }

    public int credited() {
        return credited;
    }

    public int rejected() {
        return rejected;
    }

    public long creditedCents() {
        return creditedCents;
    }
}
