package org.lifeevents.eligibility.cases;

import java.util.Set;

/** Why a case was opened, in the words of {@code CaseOpenedEvent.caseType}. */
public enum CaseType {
    UNKNOWN_PERSON,
    HOUSEHOLD_CONFLICT,
    NO_PAYOUT_ACCOUNT,
    INCOME_MISSING,
    PAYMENT_REJECTED,
    DEATH_CHECK,
    MINORS_WITHOUT_PARENT,
    MONEY_ALREADY_PAID,
    CITIZEN_DISAGREES,
    PENDING_TIMEOUT,
    UNDECIDABLE;

    /** Cases about what an entitlement should be: approve, reject and override act on the entitlement. */
    private static final Set<CaseType> ABOUT_A_DECISION = Set.of(UNKNOWN_PERSON, HOUSEHOLD_CONFLICT, INCOME_MISSING,
            MINORS_WITHOUT_PARENT, CITIZEN_DISAGREES, PENDING_TIMEOUT, UNDECIDABLE);

    public boolean aboutADecision() {
        return ABOUT_A_DECISION.contains(this);
    }
}
