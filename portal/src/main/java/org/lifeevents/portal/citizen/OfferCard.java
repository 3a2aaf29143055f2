package org.lifeevents.portal.citizen;

import java.util.List;
import java.util.UUID;

/**
 * An offer or grant ready to show: every text in the reader's language and format, with the "why" as facts, each with
 * its source and date.
 */
public record OfferCard(UUID id, String benefitCode, String benefit, String status, String statusLabel, String forWhom,
        String amount, boolean monthly, String period, String firstPayment, boolean confirmable, boolean parental,
        String confirmedBy, List<Fact> facts, List<ParameterLine> parameters, List<String> arithmetic,
        String citizenText, String legalReference, List<MissingItem> missing) {

    /** One fact the decision used: "mother: 49403136515, from the civil registry, 2 March 2026". */
    public record Fact(String label, String value, String source, String date) {
    }

    /** One figure of the ruleset the decision applied, with its legal reference. */
    public record ParameterLine(String name, String value, String legalReference, String validFrom) {
    }

    /**
     * Something the decision waits for, in words, and the one action that fixes it: {@code account} (set the payout
     * account), {@code consent} (give the consent), or none when nothing is needed from the person.
     */
    public record MissingItem(String code, String text, String action) {
    }

    public boolean hasWhy() {
        return !facts.isEmpty() || !parameters.isEmpty() || !arithmetic.isEmpty() || citizenText != null;
    }
}
