package org.lifeevents.eligibility.cases;

/**
 * Fired (synchronously, in the resolving transaction) after a case was resolved, by a caseworker or by itself:
 * observers act on what the resolution means for their feature (a rejected MONEY_ALREADY_PAID case cancels its claims).
 *
 * @param reason the caseworker's written reason, or what arrived
 */
public record CaseResolved(Case resolved, String actor, String reason) {
}
