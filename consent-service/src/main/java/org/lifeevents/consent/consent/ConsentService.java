package org.lifeevents.consent.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.events.consent.ConsentState;

/** Grants and revokes consents; every change publishes all of the person's consents on the compacted topic. */
@ApplicationScoped
@Transactional
public class ConsentService {

    @Inject
    Outbox outbox;

    public Consent grant(String personId, ConsentRequest request, String correlationId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Consent consent = new Consent();
        consent.consentId = UUID.randomUUID();
        consent.personId = personId;
        consent.purpose = request.purpose();
        consent.dataCategories = List.copyOf(request.dataCategories());
        consent.validFrom = request.validFrom() != null ? request.validFrom() : now;
        consent.validUntil = request.validUntil();
        consent.grantedAt = now;
        consent.receiptId = UUID.randomUUID();
        consent.persist();
        announce(personId, "GRANTED", consent.consentId, correlationId);
        return consent;
    }

    public Consent revoke(String personId, UUID consentId, String correlationId) {
        Consent consent = Consent.findById(consentId);
        if (consent == null || !consent.personId.equals(personId)) {
            throw ProblemException.notFound("consent_not_found", "You have no consent " + consentId + ".");
        }
        if (consent.revokedAt == null) {
            consent.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            announce(personId, "REVOKED", consentId, correlationId);
        }
        return consent;
    }

    private void announce(String personId, String change, UUID consentId, String correlationId) {
        Instant now = Instant.now();
        outbox.publish(Topics.CONSENTS, personId, ConsentChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setPersonId(personId)
                .setChange(change)
                .setChangedConsentId(consentId.toString())
                .setConsents(Consent.of(personId).stream().map(c -> ConsentState.newBuilder()
                        .setConsentId(c.consentId.toString())
                        .setPurpose(c.purpose)
                        .setDataCategories(c.dataCategories)
                        .setValidFrom(c.validFrom)
                        .setValidUntil(c.validUntil)
                        .setGrantedAt(c.grantedAt)
                        .setRevokedAt(c.revokedAt)
                        .setStatus(c.statusAt(now))
                        .setReceiptId(c.receiptId.toString())
                        .build()).toList())
                .build());
    }
}
