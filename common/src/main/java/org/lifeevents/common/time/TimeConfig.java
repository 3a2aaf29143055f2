package org.lifeevents.common.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the engine's time comes from. */
@ConfigMapping(prefix = "lifeevents.time")
public interface TimeConfig {

    /** The agency's time zone: which day a decision, a period and a due date fall on. */
    @WithDefault("Europe/Tallinn")
    ZoneId zone();

    /**
     * A business date to live on instead of today (tests, a demo stack). Refused in production unless
     * {@link #allowBusinessDate()} says otherwise.
     */
    Optional<LocalDate> businessDate();

    /**
     * Whether a service started as a production jar may live on a business date: only a demo stack told to live on
     * another day sets it. In dev and test mode a business date is always allowed.
     */
    @WithDefault("false")
    boolean allowBusinessDate();
}
