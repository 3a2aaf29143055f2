package org.lifeevents.eligibility.consent;

/**
 * The consent service's authoritative answer to "may this person's data of this category be used for this purpose
 * now?", asked right before income is read. The local copy of consents only decides when to ask.
 */
public interface ConsentCheck {

    ConsentCheckResult check(String subjectPersonId, String purpose, String category);
}
