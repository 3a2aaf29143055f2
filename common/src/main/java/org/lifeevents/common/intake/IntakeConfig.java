package org.lifeevents.common.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a consumer remembers the events it handled. */
@ConfigMapping(prefix = "lifeevents.intake")
public interface IntakeConfig {

    /**
     * How long a handled event's id is kept, counted back from the newest event the same consumer handled (its own
     * activity, not the wall clock: a service that was stopped for months forgets nothing on its first day back).
     * Kafka redelivers only from the consumer group's last committed offset, which the consumer commits after every
     * poll, so an id is needed for seconds in normal running; the margin covers a consumer stalled or stopped between
     * handling and committing, and an operator's deliberate rewind of its group by up to this much.
     */
    @WithDefault("30d")
    Duration processedRetention();

    /** How often the ids past {@link #processedRetention()} are deleted. */
    @WithDefault("1h")
    Duration processedPruneEvery();
}
