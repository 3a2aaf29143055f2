package org.lifeevents.portal.services.eligibility;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A case with the decision's explanation, the inputs with their sources, and every action taken on it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDetail(String caseId, String caseType, String status, String subjectPersonId, String householdId,
        String entitlementId, String summary, Instant openedAt, Long ageDays, String assignee, Explanation explanation,
        List<Explanation.Input> inputs, List<Action> actions) {

    public CaseDetail {
        inputs = inputs == null ? List.of() : inputs;
        actions = actions == null ? List.of() : actions;
    }

    /** One logged action: who, when, what, why, and the amount of an override. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(Instant at, String actor, String action, String reason, Long amountCents) {
    }

    /** Take the case, or give it to a named caseworker. */
    public record Assign(String assignee) {
    }

    /** Approve, reject or second-approve with a written reason. */
    public record Reason(String reason) {
    }

    /** Override the amount with a written reason. */
    public record Override(String reason, long amountCents) {
    }
}
