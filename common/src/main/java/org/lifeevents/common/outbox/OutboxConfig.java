package org.lifeevents.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service's outbox relay runs. */
@ConfigMapping(prefix = "lifeevents.outbox")
public interface OutboxConfig {

    /** False leaves events in the outbox (a read-only replica, or a test that plays a crash). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows per Kafka transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long an idle relay waits for a commit's notification before it looks for new rows anyway: a safety net for a
     * notification lost with a connection, not the relay's pace (a commit wakes it at once).
     */
    @WithDefault("2s")
    Duration idlePoll();

    /** How long published rows are kept, for inspection, before they are deleted. */
    @WithDefault("7d")
    Duration retention();
}
