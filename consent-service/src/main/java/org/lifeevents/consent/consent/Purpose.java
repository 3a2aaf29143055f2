package org.lifeevents.consent.consent;

import java.util.Arrays;
import java.util.Optional;

/** What a consent allows data to be used for; each with the words a receipt shows the citizen. */
public enum Purpose {

    FAMILY_BENEFITS("Deciding and paying the family benefits the person is owed, without an application",
            "1 - Core Function");

    private final String description;
    private final String kantaraCategory;

    Purpose(String description, String kantaraCategory) {
        this.description = description;
        this.kantaraCategory = kantaraCategory;
    }

    public String description() {
        return description;
    }

    /** The purpose category of the Kantara Consent Receipt v1.1 (Appendix: purpose categories). */
    public String kantaraCategory() {
        return kantaraCategory;
    }

    public static Optional<Purpose> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
