package org.lifeevents.eligibility.rules;

/** Something a decision waits for, with a stable code and words telling the citizen what to do. */
public record Missing(String code, String text) {

    public static final String CONSENT_TAX_INCOME = "CONSENT_TAX_INCOME";
    public static final String CONSENT_CHECK = "CONSENT_CHECK";
    public static final String TAX_INCOME = "TAX_INCOME";
    public static final String RECIPIENT = "RECIPIENT";
    public static final String RESIDENT_PARENT = "RESIDENT_PARENT";
    public static final String PAYOUT_ACCOUNT = "PAYOUT_ACCOUNT";
}
