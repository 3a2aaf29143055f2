package org.lifeevents.consent.consent;

/** What happened to a consent, as the consent-changed event names it. */
public enum ConsentChange {
    /** The person gave it. */
    GRANTED,
    /** A consent granted with a later start came into force. */
    IN_FORCE,
    /** The person withdrew it. */
    REVOKED,
    /** Its validity ended. */
    EXPIRED
}
