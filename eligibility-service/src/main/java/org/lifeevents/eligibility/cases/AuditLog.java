package org.lifeevents.eligibility.cases;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.decision.Decision;
import org.lifeevents.eligibility.decision.DecisionView;
import org.lifeevents.eligibility.rules.Benefit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/** Reads the decision log across entitlements for auditors and caseworkers. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AuditLog {

    /** Decisions about the person (as recipient or beneficiary) and/or the benefit, newest first. */
    public CaseViews.Page<DecisionView> decisions(String personId, Benefit benefit, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (personId != null) {
            where.append(" and (recipientId = :person or beneficiaryId = :person)");
            parameters.and("person", personId);
        }
        if (benefit != null) {
            where.append(" and benefit = :benefit");
            parameters.and("benefit", benefit.name());
        }
        PanacheQuery<Decision> query = Decision.find(where + " order by decidedAt desc, decisionId", parameters);
        List<DecisionView> items = query.page(page, size).list().stream().map(DecisionView::of).toList();
        return new CaseViews.Page<>(items, query.count(), page, size);
    }
}
