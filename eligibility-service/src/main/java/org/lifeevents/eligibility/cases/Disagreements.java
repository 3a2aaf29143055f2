package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.offer.OfferService;
import org.lifeevents.eligibility.rules.Benefit;

/**
 * A citizen's "I disagree" with a decision about their own or their minor child's entitlement opens a
 * CITIZEN_DISAGREES case with their reason; saying it again while that case is open adds the new reason to it.
 */
@ApplicationScoped
@Transactional
public class Disagreements {

    @Inject
    OfferService offers;

    @Inject
    CaseOpener opener;

    @Inject
    Clock clock;

    public CaseViews.Disagreement disagree(String personId, String actor, UUID entitlementId, String reason) {
        Entitlement entitlement = Entitlement.findById(entitlementId);
        if (entitlement == null || !offers.maySee(entitlement, personId)) {
            throw ProblemException.notFound("entitlement_not_found", "You have no entitlement " + entitlementId
                    + " (your own or your minor child's).");
        }
        Case c = opener.open(CaseOpener.Request.of(CaseType.CITIZEN_DISAGREES, entitlementId + ":" + personId,
                personId + " disagrees with the decision on the " + Benefit.valueOf(entitlement.benefit).words()
                        + (entitlement.beneficiaryId == null ? "" : " for " + entitlement.beneficiaryId.trim()) + ": "
                        + reason)
                .subject(personId).household(entitlement.householdId)
                .entitlement(entitlement.entitlementId, entitlement.decisionId)
                .correlation(entitlement.correlationId));
        CaseAction said = new CaseAction();
        said.actionId = UUID.randomUUID();
        said.caseId = c.caseId;
        said.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        said.actor = actor;
        said.action = "CITIZEN_DISAGREES";
        said.reason = reason;
        said.persist();
        return new CaseViews.Disagreement(c.caseId, c.status);
    }
}
