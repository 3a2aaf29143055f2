package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.outbox.Outbox;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.events.consent.ConsentState;

/**
 * Serialises the changes of one person's consents and announces each with the person's whole consent state, through
 * the outbox, so the compacted topic's latest record per person is always complete.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ConsentEvents {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /**
     * Takes the person's change lock until the transaction ends. Every change of a person's consents takes it first, so
     * two changes never both read the state without the other and their events leave in the order they commit.
     */
    public void lockSubject(String personId) {
        entityManager.createNativeQuery("""
                insert into consent_subject (person_id, changes) values (?1, 0)
                on conflict (person_id) do update set changes = consent_subject.changes + 1
                """)
                .setParameter(1, personId)
                .executeUpdate();
    }

    /** Publishes the person's consents as they stand after the change; call after the change is flushed. */
    public void announce(String personId, ConsentChange change, UUID consentId, String correlationId, Instant at) {
        entityManager.flush();
        outbox.publish(Topics.CONSENTS, personId, ConsentChangedEvent.newBuilder()
                .setEventId(Events.newEventId())
                .setOccurredAt(at)
                .setCorrelationId(correlationId)
                .setPersonId(personId)
                .setChange(change.name())
                .setChangedConsentId(consentId.toString())
                .setConsents(Consent.of(personId).stream().map(c -> ConsentState.newBuilder()
                        .setConsentId(c.consentId.toString())
                        .setPurpose(c.purpose)
                        .setDataCategories(c.dataCategories)
                        .setValidFrom(c.validFrom)
                        .setValidUntil(c.validUntil)
                        .setGrantedAt(c.grantedAt)
                        .setRevokedAt(c.revokedAt)
                        .setStatus(c.statusAt(at).name())
                        .setReceiptId(c.receiptId.toString())
                        .build()).toList())
                .build());
    }
}
