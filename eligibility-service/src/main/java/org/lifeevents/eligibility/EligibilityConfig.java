package org.lifeevents.eligibility;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The eligibility service's own settings ({@code lifeevents.eligibility.*} in application.properties). */
@ConfigMapping(prefix = "lifeevents.eligibility")
public interface EligibilityConfig {

    Ruleset ruleset();

    Reevaluation reevaluation();

    Cases cases();

    Intake intake();

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

    /** When cases are opened for what waits too long, and the four-eyes limit of overrides. */
    interface Cases {

        /** False stops the scheduled check (tests call {@code CaseJob.runOnce} with a chosen time). */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduled check runs (read by the scheduler). */
        @WithDefault("1h")
        String every();

        /** How long a decision may wait for data before a caseworker looks at it. */
        @WithDefault("P30D")
        Duration pendingTimeout();

        /** How long money may be owed to a person without a payout account before a caseworker looks at it. */
        @WithDefault("P30D")
        Duration noPayoutAccountAfter();

        /** Overrides above this amount (cents) need a second caseworker. */
        @WithDefault("100000")
        long fourEyesAboveCents();
    }

    interface Intake {

        /**
         * Most events a consumer takes per poll, all handled in one transaction (each channel's max.poll.records reads
         * it). Larger means fewer commits; each household touched holds a lock until the commit.
         */
        @WithDefault("250")
        int batchSize();

        /**
         * Consumers of the registry's topics, each on its own thread (the channel's concurrency reads it); at most the
         * topics' partition count do any work.
         */
        @WithDefault("3")
        int registryConsumers();
    }
}
