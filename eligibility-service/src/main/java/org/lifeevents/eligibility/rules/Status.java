package org.lifeevents.eligibility.rules;

/** Where an entitlement stands. */
public enum Status {
    /** Decided and waiting for the citizen's confirmation. */
    OFFERED,
    /** To be paid (automatically, or confirmed). */
    GRANTED,
    /** Waiting for data (a consent, an income, a recipient); decided again when it arrives. */
    PENDING,
    /** Not owed; the explanation says why not. */
    REFUSED,
    /** No longer owed at all (the facts that made it owed are gone). Only the reconciler sets it. */
    STOPPED
}
