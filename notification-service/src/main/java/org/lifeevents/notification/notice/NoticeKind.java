package org.lifeevents.notification.notice;

/**
 * What a notice tells the citizen. A notice the law requires (a decision about their benefits or their money) is
 * e-mailed whatever the citizen chose; the others only while they keep e-mail on.
 */
public enum NoticeKind {
    /** A benefit is offered and waits for the citizen's confirmation. */
    OFFER_TO_CONFIRM(true),
    /** A benefit is granted (automatically, after a confirmation, or once missing data arrived). */
    GRANTED(true),
    /** A decision waits for data or a consent the citizen can give. */
    DATA_MISSING(true),
    /** A benefit is refused. */
    REFUSED(true),
    /** A decision changed: amount, periods, status. */
    CHANGED(true),
    /** After a death, a benefit is now paid to this citizen. */
    HANDED_OVER(true),
    /** A benefit ends. */
    STOPPED(true),
    /** Money left for the citizen's account. */
    PAYMENT_SENT(false),
    /** The bank returned a payment. */
    PAYMENT_RETURNED(true),
    /** Money paid that was not owed is claimed back. */
    RECOVERY_CLAIM(true),
    /** A recovery claim, or part of it, is dropped. */
    RECOVERY_CANCELLED(true),
    /** A caseworker decided on the citizen's case. */
    CASE_DECIDED(true);

    private final boolean requiredByLaw;

    NoticeKind(boolean requiredByLaw) {
        this.requiredByLaw = requiredByLaw;
    }

    public boolean requiredByLaw() {
        return requiredByLaw;
    }
}
