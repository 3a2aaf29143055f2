package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;

/**
 * Announces entitlements through the outbox, keyed by entitlement so their changes stay in order, each with the
 * correlation id of the registry event that started the entitlement.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EntitlementEvents {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void decided(Entitlement entitlement, Decision decision) {
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), EntitlementDecidedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(entitlement.correlationId)
                .setEntitlementId(entitlement.entitlementId.toString())
                .setVersion(entitlement.version)
                .setDecisionId(decision.decisionId.toString())
                .setBenefit(entitlement.benefit)
                .setStatus(entitlement.status)
                .setRecipientId(recipient(entitlement))
                .setBeneficiaryId(entitlement.beneficiaryId)
                .setHouseholdId(entitlement.householdId)
                .setSourceRegistrationId(entitlement.sourceRegistrationId)
                .setPeriods(periods(entitlement.periods))
                .setMonthly(entitlement.monthly)
                .setLegalReference(entitlement.legalReference)
                .setExplanation(decision.citizenText)
                .setDecidedAt(decision.decidedAt)
                .build());
    }

    public void changed(Entitlement entitlement, Decision decision) {
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), EntitlementChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(entitlement.correlationId)
                .setEntitlementId(entitlement.entitlementId.toString())
                .setVersion(entitlement.version)
                .setDecisionId(decision.decisionId.toString())
                .setBenefit(entitlement.benefit)
                .setStatus(entitlement.status)
                .setRecipientId(recipient(entitlement))
                .setBeneficiaryId(entitlement.beneficiaryId)
                .setHouseholdId(entitlement.householdId)
                .setSourceRegistrationId(entitlement.sourceRegistrationId)
                .setPeriods(periods(entitlement.periods))
                .setMonthly(entitlement.monthly)
                .setLegalReference(entitlement.legalReference)
                .setExplanation(decision.citizenText)
                .setChangeReason(decision.changeReason)
                .setChangedAt(decision.decidedAt)
                .build());
    }

    /** Nothing is owed after {@code lastOwedDate} (null: nothing was ever owed). */
    public void stopped(Entitlement entitlement, Decision decision, LocalDate lastOwedDate) {
        outbox.publish(Topics.ENTITLEMENTS, entitlement.entitlementId.toString(), EntitlementStoppedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(clock.instant())
                .setCorrelationId(entitlement.correlationId)
                .setEntitlementId(entitlement.entitlementId.toString())
                .setVersion(entitlement.version)
                .setDecisionId(decision.decisionId.toString())
                .setBenefit(entitlement.benefit)
                .setLastOwedDate(lastOwedDate)
                .setReason(decision.changeReason)
                .setExplanation(decision.citizenText)
                .setStoppedAt(decision.decidedAt)
                .build());
    }

    /** Empty while nobody can be paid (the contract's recipient is required); the decision says what is missing. */
    private static String recipient(Entitlement entitlement) {
        return entitlement.recipientId == null ? "" : entitlement.recipientId;
    }

    private static List<EntitlementPeriod> periods(List<Period> periods) {
        return periods.stream().map(p -> EntitlementPeriod.newBuilder()
                .setFromDate(p.fromDate())
                .setUntilDate(p.untilDate())
                .setAmountCents(p.amountCents())
                .setRecipientId(p.recipientId())
                .setParameterVersion(p.parameterVersion())
                .build()).toList();
    }
}
