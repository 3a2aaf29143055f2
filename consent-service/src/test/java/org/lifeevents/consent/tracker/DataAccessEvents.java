package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;

import org.lifeevents.events.Events;
import org.lifeevents.events.consent.DataAccessedEvent;

/** Data-accessed events as the eligibility service reports them, for tests that play that service. */
final class DataAccessEvents {

    private DataAccessEvents() {
    }

    static DataAccessedEvent.Builder access(String subject, Instant accessedAt) {
        return DataAccessedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(accessedAt)
                .setCorrelationId(Events.newCorrelationId())
                .setAccessId(UUID.randomUUID().toString())
                .setSubjectPersonId(subject)
                .setAccessorService("eligibility-service")
                .setDataCategory("TAX_INCOME")
                .setPurpose("FAMILY_BENEFITS")
                .setLegalBasis("STATUTORY_TASK")
                .setConsentId(null)
                .setDecisionId("PARENTAL_BENEFIT-" + subject)
                .setDetails("taxable income 2025")
                .setAccessedAt(accessedAt);
    }
}
