package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.eligibility.rules.DataRead;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.DataAccessedEvent;

/**
 * Tells the consent service (and so the citizen's data tracker) about each read of a person's tax or household data
 * a decision rests on: whose, which category, for what purpose, on what legal basis, under which consent, for which
 * decision.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DataAccessEvents {

    public static final String ACCESSOR = "eligibility-service";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void accessed(DataRead read, UUID decisionId, String correlationId) {
        Instant now = clock.instant();
        outbox.publish(Topics.DATA_ACCESS, read.subjectPersonId(), DataAccessedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setAccessId(UUID.randomUUID().toString())
                .setSubjectPersonId(read.subjectPersonId())
                .setAccessorService(ACCESSOR)
                .setDataCategory(read.category())
                .setPurpose(DataRead.PURPOSE)
                .setLegalBasis(read.legalBasis())
                .setConsentId(read.consentId())
                .setDecisionId(decisionId.toString())
                .setDetails(read.details())
                .setAccessedAt(now)
                .build());
    }
}
