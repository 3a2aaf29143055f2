package org.lifeevents.eligibility.rules;

/**
 * A person's tax or household data a decision used, and what allowed the use. Announced (as a data-access event) once
 * per decision that rests on it.
 *
 * @param category TAX_INCOME or HOUSEHOLD
 * @param legalBasis CONSENT or STATUTORY_TASK
 * @param consentId the consent relied on; null for a statutory task
 * @param fresh true when the data was read now (not taken from an earlier decision)
 */
public record DataRead(String subjectPersonId, String category, String legalBasis, String consentId, String details,
        boolean fresh) {

    public static final String TAX_INCOME = "TAX_INCOME";
    public static final String HOUSEHOLD = "HOUSEHOLD";
    public static final String CONSENT = "CONSENT";
    public static final String STATUTORY_TASK = "STATUTORY_TASK";
    public static final String PURPOSE = "FAMILY_BENEFITS";
}
