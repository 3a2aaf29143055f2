package org.lifeevents.eligibility.cases;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.decision.EntitlementReconciled;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Status;

/**
 * Opens a case at once when a decision shows what no later data will fix by itself: after a death, nobody left to
 * receive a child's benefits for some months (MINORS_WITHOUT_PARENT) or nobody to offer the funeral grant to
 * (UNDECIDABLE); a birth whose parent the register does not know (UNKNOWN_PERSON). Decisions that wait for data which
 * may still arrive (a consent, an income, a household) get a case only after the wait ({@link CaseJob}). A case closes
 * by itself when what it is about arrives ({@link CaseCloser}).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CaseTriggers {

    @Inject
    CaseOpener opener;

    void onReconciled(@Observes EntitlementReconciled reconciled) {
        Entitlement e = reconciled.entitlement();
        // a parent the register does not know will not appear by waiting: the registry marked them so
        if (Status.PENDING.name().equals(e.status) && e.missingCodes().contains(Missing.RESIDENT_PARENT)) {
            opener.open(request(CaseType.UNKNOWN_PERSON, e, reconciled.decision().decisionId));
            return;
        }
        // a monthly benefit may be granted for the months someone can receive it and miss a recipient after them
        if (Status.STOPPED.name().equals(e.status) || Status.REFUSED.name().equals(e.status)
                || !e.missingCodes().contains(Missing.RECIPIENT)
                || !reconciled.trigger().description().startsWith("DeathRegisteredEvent")) {
            return;
        }
        CaseType type = Benefit.FUNERAL_GRANT.name().equals(e.benefit) ? CaseType.UNDECIDABLE
                : CaseType.MINORS_WITHOUT_PARENT;
        opener.open(request(type, e, reconciled.decision().decisionId));
    }

    /** The case about one entitlement's current decision, with its words from what the decision misses. */
    static CaseOpener.Request request(CaseType type, Entitlement e, java.util.UUID decisionId) {
        List<Missing> missing = e.missing == null ? List.of() : e.missing;
        String what = missing.isEmpty() ? e.citizenText
                : String.join(" ", missing.stream().map(Missing::text).toList());
        return CaseOpener.Request.of(type, e.entitlementId.toString(), "The " + Benefit.valueOf(e.benefit).words()
                + (e.beneficiaryId == null ? "" : " for " + e.beneficiaryId.trim()) + " cannot be decided: " + what)
                .subject(e.beneficiaryId != null ? e.beneficiaryId.trim() : e.recipientId)
                .household(e.householdId).entitlement(e.entitlementId, decisionId).correlation(e.correlationId);
    }
}
