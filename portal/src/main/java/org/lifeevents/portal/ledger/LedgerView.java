package org.lifeevents.portal.ledger;

import java.util.List;

/**
 * A ledger in the reader's words: totals per person, then each entitlement with one row per period and person.
 *
 * @param heading whose ledger it is ("Household H-1001", "Person ...")
 */
public record LedgerView(String heading, String asOf, List<Line> people, Line total, List<Block> entitlements) {

    public boolean empty() {
        return entitlements.isEmpty();
    }

    /**
     * One entitlement: the benefit, for whom, its status, and the decision behind it ({@code decisionLink} its
     * explanation page when the reader has one, else null and the id is shown).
     */
    public record Block(String id, String benefit, String beneficiary, String status, String decisionId,
            String decisionLink, List<Line> rows, Line total) {
    }

    /**
     * A row of figures, already formatted: for a period ({@code period} set on its first row only) and a person, or a
     * person's or an entitlement's total. {@code differs} marks a difference other than zero.
     */
    public record Line(String period, String due, String person, String owed, String paid, String scheduled,
            String claimed, String difference, boolean differs, List<String> details) {
    }
}
