package org.lifeevents.registry.backfill;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bulk backfill jobs run. */
@ConfigMapping(prefix = "lifeevents.registry.backfill")
public interface BackfillConfig {

    /** Where uploads are spooled while they are read; a job resumes from its file after a restart. */
    Path spoolDir();

    /** Lines per database transaction (and per progress update). */
    @WithDefault("1000")
    int chunkSize();

    /**
     * Seconds one chunk's transaction may take before it is rolled back; read by {@link ChunkProcessor}'s transaction
     * configuration, declared here so the setting is documented and checked with the others.
     */
    @WithDefault("600")
    int chunkTimeoutSeconds();

    /** Longest line accepted, in characters; a longer one is refused with its line number. */
    @WithDefault("1000000")
    int maxLineLength();
}
