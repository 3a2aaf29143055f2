package org.lifeevents.eligibility.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.CaseResolvedEvent;

/** Announces cases opened and resolved through the outbox, keyed by case id, in the transaction that changed them. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CaseEvents {

    @Inject
    Outbox outbox;

    public void opened(Case c) {
        outbox.publish(Topics.CASES, c.caseId.toString(), CaseOpenedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(c.openedAt)
                .setCorrelationId(c.correlationId)
                .setCaseId(c.caseId.toString())
                .setCaseType(c.caseType)
                .setSubjectPersonId(c.subjectPersonId)
                .setHouseholdId(c.householdId)
                .setEntitlementId(c.entitlementId == null ? null : c.entitlementId.toString())
                .setDecisionId(c.decisionId == null ? null : c.decisionId.toString())
                .setSummary(c.summary)
                .setOpenedAt(c.openedAt)
                .build());
    }

    public void resolved(Case c, String reason, Long overrideAmountCents) {
        outbox.publish(Topics.CASES, c.caseId.toString(), CaseResolvedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(c.resolvedAt)
                .setCorrelationId(c.correlationId)
                .setCaseId(c.caseId.toString())
                .setResolution(c.resolution)
                .setReason(reason)
                .setResolvedBy(c.resolvedBy)
                .setSecondApprover(c.secondApprover)
                .setOverrideAmountCents(overrideAmountCents)
                .setResolvedAt(c.resolvedAt)
                .build());
    }
}
