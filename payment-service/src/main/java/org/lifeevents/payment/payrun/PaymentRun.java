package org.lifeevents.payment.payrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A payment run's durable state. A run first assigns what is due to files (ASSIGNING), one transaction per file that
 * also marks its payments; then hands each file to the bank and imports its status report (SENDING); then it is
 * COMPLETED. Whatever step a crash interrupts, resuming continues from the state recorded here.
 */
@Entity
public class PaymentRun extends PanacheEntityBase {

    public static final String ASSIGNING = "ASSIGNING";
    public static final String SENDING = "SENDING";
    public static final String COMPLETED = "COMPLETED";

    @Id
    public UUID runId;

    public LocalDate runDate;
    public String status;
    public String startedBy;
    public Instant startedAt;
    public Instant completedAt;
    /** The highest payment id assigned so far: the next batch starts after it. */
    public UUID assignCursor;
    public int maxPerFile;
    public int fileCount;
    public long paymentCount;
    public long grossCents;
    public long offsetCents;
    /** Sum of the files' control sums: what went to the bank. */
    public long controlSumCents;
}
