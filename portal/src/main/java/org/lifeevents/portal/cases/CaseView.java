package org.lifeevents.portal.cases;

import java.util.List;

import org.lifeevents.portal.citizen.OfferCard;

/** A case ready to show a caseworker or an auditor: its facts with sources, the decision's why, and its log. */
public record CaseView(String id, String type, String status, String statusCode, String subject, String household,
        String entitlementId, String summary, String opened, Long ageDays, String assignee, List<OfferCard.Fact> facts,
        List<OfferCard.ParameterLine> parameters, List<String> arithmetic, String citizenText, String legalReference,
        List<ActionRow> actions) {

    /** One logged action: when, who, what, why, and an override's amount. */
    public record ActionRow(String at, String actor, String action, String reason, String amount) {
    }

    public boolean resolved() {
        return "RESOLVED".equals(statusCode);
    }

    public boolean awaitingSecondApproval() {
        return "AWAITING_SECOND_APPROVAL".equals(statusCode);
    }
}
