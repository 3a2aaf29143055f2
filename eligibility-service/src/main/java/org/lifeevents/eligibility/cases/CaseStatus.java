package org.lifeevents.eligibility.cases;

/** Where a case stands in the caseworkers' queue. */
public enum CaseStatus {
    OPEN,
    ASSIGNED,
    AWAITING_SECOND_APPROVAL,
    RESOLVED
}
