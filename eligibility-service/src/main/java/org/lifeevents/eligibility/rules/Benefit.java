package org.lifeevents.eligibility.rules;

/** The benefits of the reference ruleset: whether each is paid monthly and whether the citizen must confirm it. */
public enum Benefit {

    BIRTH_GRANT(false, true, "birth grant"),
    CHILD_ALLOWANCE(true, false, "child allowance"),
    LARGE_FAMILY_ALLOWANCE(true, false, "large-family allowance"),
    SINGLE_PARENT_ALLOWANCE(true, false, "single-parent allowance"),
    PARENTAL_BENEFIT(true, true, "parental benefit"),
    FUNERAL_GRANT(false, true, "funeral grant"),
    SURVIVOR_CHILD_ALLOWANCE(true, false, "survivor's child allowance");

    private final boolean monthly;
    private final boolean offer;
    private final String words;

    Benefit(boolean monthly, boolean offer, String words) {
        this.monthly = monthly;
        this.offer = offer;
        this.words = words;
    }

    public boolean monthly() {
        return monthly;
    }

    /** True when the benefit is an offer the citizen confirms; false when it is granted automatically. */
    public boolean offer() {
        return offer;
    }

    /** The benefit's name in plain words, for citizen texts. */
    public String words() {
        return words;
    }
}
