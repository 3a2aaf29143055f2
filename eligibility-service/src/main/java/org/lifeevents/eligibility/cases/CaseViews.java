package org.lifeevents.eligibility.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lifeevents.eligibility.rules.Explanation;

/** What the caseworker and auditor API answers. */
public final class CaseViews {

    private CaseViews() {
    }

    /** One case in the queue. */
    @Schema(description = "A case in the caseworkers' queue")
    public record Summary(UUID caseId, String caseType, String status, String subjectPersonId, String householdId,
            UUID entitlementId, String summary, Instant openedAt, long ageDays, String assignee) {
    }

    /** A page of results. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** One action on a case. */
    public record Action(Instant at, String actor, String action, String reason, Long amountCents) {
    }

    /** A fact the decision used, with its source and time. */
    public record Input(String name, String value, String source, Instant observedAt) {
    }

    /** A case with everything a caseworker needs to decide it. */
    @Schema(description = "A case with the decision's full explanation, its inputs and every action taken")
    public record Detail(UUID caseId, String caseType, String status, String subjectPersonId, String householdId,
            UUID entitlementId, UUID decisionId, String summary, Instant openedAt, long ageDays, String assignee,
            String correlationId, String entitlementStatus, String benefit, String resolution, String resolvedBy,
            String secondApprover, Instant resolvedAt, String proposedBy, Long proposedAmountCents,
            Explanation explanation, List<Input> inputs, List<Action> actions) {
    }

    /** The case opened for a citizen's disagreement. */
    public record Disagreement(UUID caseId, String status) {
    }
}
