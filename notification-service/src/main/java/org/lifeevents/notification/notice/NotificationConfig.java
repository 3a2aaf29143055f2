package org.lifeevents.notification.notice;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How notices are written and e-mailed. */
@ConfigMapping(prefix = "lifeevents.notification")
public interface NotificationConfig {

    /** Where citizens sign in; every notice links to the page of the portal where they act. */
    @WithDefault("http://127.0.0.1:8080")
    String portalUrl();

    /**
     * Events older than this get a notice in the inbox but no e-mail: a backfill of history must not mail families
     * about what happened years ago.
     */
    @WithDefault("P30D")
    Duration horizon();

    Email email();

    /** The e-mail channel. */
    interface Email {

        /** The sender of every e-mail. */
        @WithDefault("Life-event benefits <notices@lifeevents.example>")
        String from();

        /** At most this many e-mails a second, so a backfill of 100,000 families does not flood the mail relay. */
        @WithDefault("20")
        int maxPerSecond();

        /** How long after the start the first e-mails go (the scheduler's delay; the sender then runs every second). */
        @WithDefault("5s")
        String startAfter();

        /** The pause after the first failed attempt; it doubles with each further failure. */
        @WithDefault("PT30S")
        Duration firstRetryAfter();

        /** The longest pause between two attempts: a notice keeps being tried, never dropped. */
        @WithDefault("PT1H")
        Duration longestRetryAfter();

        /** How long one SMTP send may take before it counts as failed. */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /** How long a link to verify an e-mail address works. */
        @WithDefault("P2D")
        Duration verificationValidFor();

        /** Where the verification link points (this service's public address). */
        @WithDefault("http://127.0.0.1:8086")
        String verificationBaseUrl();
    }
}
