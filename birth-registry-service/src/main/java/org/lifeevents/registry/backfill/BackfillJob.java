package org.lifeevents.registry.backfill;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A bulk backfill: the uploaded file and how far it has been applied. Progress is committed with each chunk of lines,
 * so {@code linesRead} is also where a resumed job continues.
 */
@Entity
public class BackfillJob extends PanacheEntityBase {

    public static final String RECEIVING = "RECEIVING";
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID jobId;

    public String status;
    public String spoolFile;
    public long bytesReceived;
    public Long linesTotal;
    public long linesRead;
    public long linesAccepted;
    public long linesSkipped;
    public long linesRefused;
    public String submittedBy;
    public String correlationId;
    public String failure;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant updatedAt;
}
