package org.lifeevents.eligibility.offer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.EntitlementEvents;

/** A citizen's view of what they are offered or granted, and their one-click confirmation. */
@ApplicationScoped
@Transactional
public class OfferService {

    @Inject
    EntitlementEvents events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OfferView> offersFor(String personId) {
        return Entitlement.<Entitlement> list("recipientId = ?1 order by createdAt", personId).stream()
                .map(e -> OfferView.of(e, Decision.findById(e.decisionId)))
                .toList();
    }

    /** Confirms an offer; confirming what is already granted changes nothing and answers the same. */
    public OfferView confirm(String personId, UUID entitlementId) {
        Entitlement entitlement = Entitlement.findById(entitlementId, LockModeType.PESSIMISTIC_WRITE);
        if (entitlement == null || !entitlement.recipientId.equals(personId)) {
            throw ProblemException.notFound("offer_not_found", "No offer " + entitlementId + " for you.");
        }
        if (Entitlement.OFFERED.equals(entitlement.status)) {
            entitlement.status = Entitlement.GRANTED;
            entitlement.version++;
            entitlement.updatedAt = Instant.now();
            events.changed(entitlement, Decision.findById(entitlement.decisionId), "CONFIRMED");
        }
        return OfferView.of(entitlement, Decision.findById(entitlement.decisionId));
    }
}
