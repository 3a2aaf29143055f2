package org.lifeevents.consent.consent;

/** Where a consent stands at a given time. */
public enum ConsentStatus {

    /** In force: data in its categories may be used for its purpose. */
    ACTIVE,
    /** Granted with a start in the future; not yet in force. */
    SCHEDULED,
    /** Its validity ended. */
    EXPIRED,
    /** The person withdrew it. */
    REVOKED
}
