package org.lifeevents.eligibility;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The eligibility service's own settings ({@code lifeevents.eligibility.*} in application.properties). */
@ConfigMapping(prefix = "lifeevents.eligibility")
public interface EligibilityConfig {

    Ruleset ruleset();

    Reevaluation reevaluation();

    /** Where the ruleset's parameters come from. */
    interface Ruleset {

        /** Classpath resource of the effective-dated parameter file. */
        @WithDefault("ruleset/parameters.json")
        String parameters();
    }

    /** The queue of households to evaluate again (after a parameter change, or while the consent check was down). */
    interface Reevaluation {

        /** How often the worker looks for due households (read by the scheduler). */
        @WithDefault("10s")
        String every();

        /** False stops the background worker (the queue keeps filling). */
        @WithDefault("true")
        boolean enabled();

        /** Households evaluated per run of the worker, each in its own transaction. */
        @WithDefault("50")
        int batchSize();

        /** How long a decision waiting for an unreachable consent service waits before it is tried again. */
        @WithDefault("PT1M")
        Duration consentCheckRetry();
    }
}
