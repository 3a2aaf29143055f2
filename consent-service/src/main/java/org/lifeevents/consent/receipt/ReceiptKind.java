package org.lifeevents.consent.receipt;

/** The consent transaction a receipt attests. */
public enum ReceiptKind {
    /** The person gave the consent. */
    GRANT,
    /** The person withdrew it. */
    REVOCATION
}
