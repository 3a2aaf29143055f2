package org.lifeevents.eligibility.decision;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.problem.ProblemException;

/** Reads the append-only decision log and checks its hash chain. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class DecisionLog {

    public DecisionView.History history(UUID entitlementId) {
        if (Entitlement.findById(entitlementId) == null) {
            throw ProblemException.notFound("entitlement_not_found", "No entitlement " + entitlementId + ".");
        }
        List<Decision> decisions = Decision.ofEntitlement(entitlementId);
        return new DecisionView.History(entitlementId, DecisionHash.intact(decisions),
                decisions.stream().map(DecisionView::of).toList());
    }
}
