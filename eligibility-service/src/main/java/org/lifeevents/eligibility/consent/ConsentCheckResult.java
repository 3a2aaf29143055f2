package org.lifeevents.eligibility.consent;

/**
 * The consent service's answer: allowed under a consent, refused with the reason (NO_CONSENT, REVOKED, EXPIRED), or
 * unavailable (the service could not be asked; nothing may be read and nothing refused).
 */
public record ConsentCheckResult(Outcome outcome, String consentId, String reason) {

    /** How the check came out. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        UNAVAILABLE
    }

    public static ConsentCheckResult allowed(String consentId) {
        return new ConsentCheckResult(Outcome.ALLOWED, consentId, null);
    }

    public static ConsentCheckResult refused(String reason) {
        return new ConsentCheckResult(Outcome.REFUSED, null, reason);
    }

    public static ConsentCheckResult unavailable(String reason) {
        return new ConsentCheckResult(Outcome.UNAVAILABLE, null, reason);
    }
}
