package org.lifeevents.eligibility.rules;

import java.time.LocalDate;

/**
 * Stable identities of entitlements: one per benefit, beneficiary and source. Monthly benefits of a child are per
 * household (a child who moves is paid by the new household's rules from the month after), the parental benefit is
 * per parent and birth, a one-off per event.
 */
public final class EntitlementKeys {

    private EntitlementKeys() {
    }

    public static String birthGrant(String childId) {
        return Benefit.BIRTH_GRANT + ":" + childId;
    }

    public static String childAllowance(String childId, String householdId) {
        return Benefit.CHILD_ALLOWANCE + ":" + childId + ":" + householdId;
    }

    public static String singleParentAllowance(String childId, String householdId) {
        return Benefit.SINGLE_PARENT_ALLOWANCE + ":" + childId + ":" + householdId;
    }

    public static String largeFamilyAllowance(String householdId) {
        return Benefit.LARGE_FAMILY_ALLOWANCE + ":" + householdId;
    }

    public static String parentalBenefit(String parentId, LocalDate birthDate) {
        return Benefit.PARENTAL_BENEFIT + ":" + parentId + ":" + birthDate;
    }

    public static String funeralGrant(String deceasedId) {
        return Benefit.FUNERAL_GRANT + ":" + deceasedId;
    }

    public static String survivorChildAllowance(String childId, String deceasedId) {
        return Benefit.SURVIVOR_CHILD_ALLOWANCE + ":" + childId + ":" + deceasedId;
    }
}
