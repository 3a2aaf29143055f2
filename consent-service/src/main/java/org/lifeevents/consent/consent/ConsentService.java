package org.lifeevents.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.Problem.FieldError;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.consent.receipt.ReceiptKind;
import org.lifeevents.consent.receipt.ReceiptService;

/**
 * Grants and revokes consents. Each change is one transaction with its signed receipt and the event that publishes the
 * person's whole consent state; a revocation is in force for the synchronous consent check the moment it commits.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    @Inject
    Clock clock;

    @Inject
    ConsentEvents events;

    @Inject
    ReceiptService receipts;

    public Consent grant(String personId, ConsentRequest request, String correlationId) {
        Instant now = now();
        List<FieldError> problems = ConsentRules.problems(request, now);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        events.lockSubject(personId);
        Consent consent = new Consent();
        consent.consentId = UUID.randomUUID();
        consent.personId = personId;
        consent.purpose = request.purpose();
        consent.dataCategories = ConsentRules.categories(request);
        consent.validFrom = ConsentRules.effectiveFrom(request, now);
        consent.validUntil = request.validUntil() == null ? null : request.validUntil().truncatedTo(ChronoUnit.MILLIS);
        consent.grantedAt = now;
        consent.receiptId = UUID.randomUUID();
        // A consent that starts at once needs no later "in force" announcement.
        consent.startAnnouncedAt = consent.validFrom.isAfter(now) ? null : now;
        consent.persist();
        receipts.issue(consent, ReceiptKind.GRANT, consent.receiptId, now);
        events.announce(personId, ConsentChange.GRANTED, consent.consentId, correlationId, now);
        return consent;
    }

    /**
     * Revokes one of the person's consents. Revoking it again answers the same and changes nothing; an expired consent
     * cannot be revoked (nothing is left to withdraw).
     */
    public Consent revoke(String personId, UUID consentId, String correlationId) {
        events.lockSubject(personId);
        Consent consent = Consent.findById(consentId, LockModeType.PESSIMISTIC_WRITE);
        if (consent == null || !consent.personId.equals(personId)) {
            // The same answer whether the consent does not exist or is someone else's: ids reveal nothing.
            throw ProblemException.notFound("consent_not_found", "You have no consent " + consentId + ".");
        }
        if (consent.revokedAt != null) {
            return consent;
        }
        Instant now = now();
        if (consent.statusAt(now) == ConsentStatus.EXPIRED) {
            throw ProblemException.conflict("consent_expired",
                    "Consent " + consentId + " expired at " + consent.validUntil + "; there is nothing left to revoke.");
        }
        consent.revokedAt = now;
        consent.revocationReceiptId = UUID.randomUUID();
        receipts.issue(consent, ReceiptKind.REVOCATION, consent.revocationReceiptId, now);
        events.announce(personId, ConsentChange.REVOKED, consentId, correlationId, now);
        return consent;
    }

    @Transactional(TxType.SUPPORTS)
    public List<Consent> of(String personId) {
        return Consent.of(personId);
    }

    /** One of the person's consents; 404 for an unknown id and for anybody else's. */
    @Transactional(TxType.SUPPORTS)
    public Consent one(String personId, UUID consentId) {
        Consent consent = Consent.findById(consentId);
        if (consent == null || !consent.personId.equals(personId)) {
            throw ProblemException.notFound("consent_not_found", "You have no consent " + consentId + ".");
        }
        return consent;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
