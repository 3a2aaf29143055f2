package org.lifeevents.consent.consent;

import java.util.Arrays;
import java.util.Optional;

/** A kind of the person's data a consent covers; each with the words a receipt shows the citizen. */
public enum DataCategory {

    TAX_INCOME("Taxable annual income assessed by the tax authority", "7 - Financial"),
    HOUSEHOLD("Household members, spouses, parents and guardians in the population register", "1 - Biographical");

    private final String description;
    private final String kantaraCategory;

    DataCategory(String description, String kantaraCategory) {
        this.description = description;
        this.kantaraCategory = kantaraCategory;
    }

    public String description() {
        return description;
    }

    /** The PII category of the Kantara Consent Receipt v1.1. */
    public String kantaraCategory() {
        return kantaraCategory;
    }

    public static Optional<DataCategory> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
