package org.lifeevents.registry.backfill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.write.WriteContext;

/**
 * Receives an NDJSON upload as a stream: it is copied to a spool file as it arrives (never held in memory), counted,
 * and queued as a job.
 */
@ApplicationScoped
public class BackfillIntake {

    static final int DEFAULT_ERROR_PAGE = 100;

    @Inject
    BackfillJobs jobs;

    @Inject
    BackfillRunner runner;

    @Inject
    BackfillConfig config;

    /** Spools the upload, queues the job, and returns its first view. */
    public BackfillView receive(InputStream body, WriteContext context) {
        if (body == null) {
            throw ProblemException.invalid(java.util.List.of(new org.lifeevents.common.problem.Problem.FieldError("body",
                    "required", "an NDJSON body is required")));
        }
        Path file;
        try {
            Files.createDirectories(config.spoolDir());
            file = config.spoolDir().resolve(UUID.randomUUID() + ".ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BackfillJob job = jobs.create(file, context.recordedBy(), context.correlationId());
        long bytes = 0;
        long lines = 0;
        boolean open = false;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = body.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        open = false;
                    } else {
                        open = true;
                    }
                }
            }
        } catch (IOException e) {
            jobs.fail(job.jobId, "The upload broke off after " + bytes + " bytes; upload the file again.");
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
        jobs.received(job.jobId, bytes, open ? lines + 1 : lines);
        runner.submit(job.jobId);
        return jobs.view(job.jobId, 0, DEFAULT_ERROR_PAGE);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the spool directory is cleaned by the operator; nothing to do here
        }
    }
}
