package org.lifeevents.registry.backfill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A backfill job's progress and its per-line error report (a page of it). */
public record BackfillView(UUID jobId, String status, long bytesReceived, Long linesTotal, long linesRead,
        long linesAccepted, long linesSkipped, long linesRefused, String submittedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, String failure, long errorCount, List<LineError> errors) {

    /** Why one line was refused: its number (1-based), the field and a stable code. */
    public record LineError(long line, String field, String code, String message) {
    }
}
