package org.lifeevents.payment.payrun;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One pain.001 file of a run. Its message id and creation time are fixed when it is assembled, so the file built
 * again after a crash is the same file, byte for byte, and the bank recognises it.
 */
@Entity
public class PaymentFile extends PanacheEntityBase {

    public static final String ASSEMBLED = "ASSEMBLED";
    public static final String SENT = "SENT";
    public static final String REPORTED = "REPORTED";

    @Id
    public UUID fileId;

    public UUID runId;
    public int fileNo;
    public String messageId;
    public Instant createdAt;
    public String status;
    public int nbOfTxs;
    public long ctrlSumCents;
    public Instant sentAt;
    public Instant reportedAt;
    public String groupStatus;
    public int settledCount;
    public int failedCount;
    /** SHA-256 of the pain.001 bytes the bank took, kept in the archive. */
    public String pain001Digest;
    /** SHA-256 of the last pain.002 imported for the file, kept in the archive. */
    public String pain002Digest;
}
