package org.lifeevents.registry.backfill;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs backfill jobs one at a time on a thread of its own: reads the spooled file line by line (constant memory),
 * applies it chunk by chunk, and resumes unfinished jobs when the service starts again, after the last committed chunk.
 */
@ApplicationScoped
public class BackfillRunner {

    private static final Logger LOG = Logger.getLogger(BackfillRunner.class);

    @Inject
    BackfillJobs jobs;

    @Inject
    ChunkProcessor processor;

    @Inject
    BackfillConfig config;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registry-backfill");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    void onStart(@Observes StartupEvent event) {
        for (BackfillJob job : jobs.unfinished()) {
            if (Files.exists(Path.of(job.spoolFile))) {
                LOG.infof("Resuming backfill job %s after line %d", job.jobId, job.linesRead);
                submit(job.jobId);
            } else {
                jobs.fail(job.jobId, "The uploaded file is gone (spooled on another instance?); upload it again: "
                        + "lines applied before are recognised and skipped.");
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void submit(UUID jobId) {
        executor.submit(() -> run(jobId));
    }

    void run(UUID jobId) {
        try {
            BackfillJob job = jobs.start(jobId);
            long applied = job.linesRead;
            try (BoundedLineReader reader = new BoundedLineReader(
                    new InputStreamReader(Files.newInputStream(Path.of(job.spoolFile)), StandardCharsets.UTF_8),
                    config.maxLineLength())) {
                List<ChunkProcessor.RawLine> chunk = new ArrayList<>(config.chunkSize());
                long number = 0;
                BoundedLineReader.Line line;
                while ((line = reader.next()) != null) {
                    number++;
                    if (number <= applied) {
                        continue;
                    }
                    chunk.add(new ChunkProcessor.RawLine(number, line.tooLong() ? null : line.text()));
                    if (chunk.size() == config.chunkSize()) {
                        processor.process(jobId, job.submittedBy, chunk);
                        chunk.clear();
                        if (stopping) {
                            LOG.infof("Backfill job %s paused after line %d; it resumes on the next start", jobId,
                                    number);
                            return;
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    processor.process(jobId, job.submittedBy, chunk);
                }
            }
            jobs.complete(jobId);
            Files.deleteIfExists(Path.of(job.spoolFile));
            LOG.infof("Backfill job %s completed", jobId);
        } catch (Exception e) {
            LOG.errorf(e, "Backfill job %s failed", jobId);
            try {
                jobs.fail(jobId, "Stopped by an unexpected failure; the file is kept, and lines applied before "
                        + "are skipped when the job is uploaded again.");
            } catch (RuntimeException again) {
                LOG.errorf(again, "Could not record the failure of backfill job %s", jobId);
            }
        }
    }
}
