package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.events.Events;

/**
 * Announces the changes time makes on its own: a consent expiring, and a consent granted with a later start coming
 * into force. Each is published once, with the person's whole state, under the same per-person lock as grants and
 * revocations.
 */
@ApplicationScoped
@Transactional
public class ConsentTransitions {

    @Inject
    ConsentEvents events;

    @Inject
    EntityManager entityManager;

    /** People with a consent whose expiry or start has passed and was not announced yet. */
    @Transactional(TxType.SUPPORTS)
    public List<String> subjectsDue(Instant now, int limit) {
        return entityManager.createQuery("""
                select distinct c.personId from Consent c
                where c.revokedAt is null
                  and ((c.expiryAnnouncedAt is null and c.validUntil <= :now)
                    or (c.startAnnouncedAt is null and c.validFrom <= :now))
                """, String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Announces every due transition of the person's consents, oldest first; returns how many. */
    public int announceDue(String personId, Instant now) {
        // The person's lock first, the consents second: the same order as a revocation, so the two cannot deadlock.
        events.lockSubject(personId);
        List<Consent> due = entityManager.createQuery("""
                from Consent c
                where c.personId = :person and c.revokedAt is null
                  and ((c.expiryAnnouncedAt is null and c.validUntil <= :now)
                    or (c.startAnnouncedAt is null and c.validFrom <= :now))
                """, Consent.class)
                .setParameter("person", personId)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<Consent> ordered = due.stream().sorted(Comparator.comparing(c -> transitionTime(c, now))).toList();
        String correlationId = Events.newCorrelationId();
        for (Consent consent : ordered) {
            ConsentChange change;
            if (consent.statusAt(now) == ConsentStatus.EXPIRED) {
                // Expired, whether or not its start was announced: the expiry is the news.
                consent.expiryAnnouncedAt = now;
                if (consent.startAnnouncedAt == null) {
                    consent.startAnnouncedAt = now;
                }
                change = ConsentChange.EXPIRED;
            } else {
                consent.startAnnouncedAt = now;
                change = ConsentChange.IN_FORCE;
            }
            events.announce(personId, change, consent.consentId, correlationId, now);
        }
        return ordered.size();
    }

    private static Instant transitionTime(Consent consent, Instant now) {
        return consent.statusAt(now) == ConsentStatus.EXPIRED ? consent.validUntil : consent.validFrom;
    }
}
