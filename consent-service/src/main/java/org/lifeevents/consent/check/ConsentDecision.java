package org.lifeevents.consent.check;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.lifeevents.consent.consent.Consent;
import org.lifeevents.consent.consent.ConsentStatus;

/**
 * Decides whether a person's consents allow one use (purpose and data category) at a given time. Among several
 * consents in force it names the one lasting longest; when none is, the reason comes from the consent that stopped most
 * recently.
 */
public final class ConsentDecision {

    private static final Comparator<Consent> LONGEST_LASTING = Comparator
            .comparing((Consent c) -> c.validUntil == null ? Instant.MAX : c.validUntil)
            .thenComparing(c -> c.grantedAt);

    private ConsentDecision() {
    }

    public static ConsentCheckResult decide(List<Consent> consents, String purpose, String dataCategory, Instant at) {
        List<Consent> relevant = consents.stream().filter(c -> c.covers(purpose, dataCategory)).toList();
        Optional<Consent> inForce = relevant.stream()
                .filter(c -> c.statusAt(at) == ConsentStatus.ACTIVE)
                .max(LONGEST_LASTING);
        if (inForce.isPresent()) {
            return new ConsentCheckResult.Allowed(inForce.get().consentId, inForce.get().validUntil);
        }
        return relevant.stream()
                .filter(c -> c.endedAt(at) != null)
                .max(Comparator.comparing((Consent c) -> c.endedAt(at)))
                .map(c -> refusal(c, at))
                .orElse(new ConsentCheckResult.Refused(ConsentCheckResult.Reason.NO_CONSENT));
    }

    /** REVOKED when the person withdrew it while it was still valid, else EXPIRED. */
    private static ConsentCheckResult refusal(Consent ended, Instant at) {
        boolean revokedFirst = ended.revokedAt != null && !ended.revokedAt.isAfter(at)
                && (ended.validUntil == null || ended.revokedAt.isBefore(ended.validUntil));
        return new ConsentCheckResult.Refused(
                revokedFirst ? ConsentCheckResult.Reason.REVOKED : ConsentCheckResult.Reason.EXPIRED);
    }
}
