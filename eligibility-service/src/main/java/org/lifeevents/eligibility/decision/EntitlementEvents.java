package org.lifeevents.eligibility.decision;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;

/** Announces entitlements through the outbox, keyed by entitlement so their changes stay in order. */
@ApplicationScoped
public class EntitlementEvents {

    @Inject
    Outbox outbox;

    public void decided(Entitlement entitlement, Decision decision) {
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), EntitlementDecidedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(entitlement.correlationId)
                .setEntitlementId(entitlement.entitlementId.toString())
                .setVersion(entitlement.version)
                .setDecisionId(decision.decisionId.toString())
                .setBenefit(entitlement.benefit)
                .setStatus(entitlement.status)
                .setRecipientId(entitlement.recipientId)
                .setBeneficiaryId(entitlement.beneficiaryId)
                .setHouseholdId(entitlement.householdId)
                .setSourceRegistrationId(entitlement.sourceRegistrationId)
                .setPeriods(entitlement.periods.stream().map(EntitlementEvents::period).toList())
                .setMonthly(entitlement.monthly)
                .setLegalReference(entitlement.legalReference)
                .setExplanation(decision.citizenText)
                .setDecidedAt(decision.decidedAt)
                .build());
    }

    public void changed(Entitlement entitlement, Decision decision, String reason) {
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), EntitlementChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(Instant.now())
                .setCorrelationId(entitlement.correlationId)
                .setEntitlementId(entitlement.entitlementId.toString())
                .setVersion(entitlement.version)
                .setDecisionId(decision.decisionId.toString())
                .setBenefit(entitlement.benefit)
                .setStatus(entitlement.status)
                .setRecipientId(entitlement.recipientId)
                .setBeneficiaryId(entitlement.beneficiaryId)
                .setHouseholdId(entitlement.householdId)
                .setSourceRegistrationId(entitlement.sourceRegistrationId)
                .setPeriods(entitlement.periods.stream().map(EntitlementEvents::period).toList())
                .setMonthly(entitlement.monthly)
                .setLegalReference(entitlement.legalReference)
                .setExplanation(decision.citizenText)
                .setChangeReason(reason)
                .setChangedAt(Instant.now())
                .build());
    }

    private static EntitlementPeriod period(Entitlement.Period period) {
        return EntitlementPeriod.newBuilder()
                .setFromDate(period.fromDate())
                .setUntilDate(period.untilDate())
                .setAmountCents(period.amountCents())
                .setRecipientId(period.recipientId())
                .setParameterVersion(period.parameterVersion())
                .build();
    }
}
