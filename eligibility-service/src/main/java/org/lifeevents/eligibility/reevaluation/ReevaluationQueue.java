package org.lifeevents.eligibility.reevaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Durable list of scopes to evaluate again: after a change of the ruleset's parameters, or while the consent service
 * could not be asked. Survives restarts; a worker drains it.
 */
@ApplicationScoped
public class ReevaluationQueue {

    @Inject
    EntityManager entityManager;

    // requested_at comes from the engine's clock, not the database's now(), so it orders with not_before on a
    // business date other than today.
    @Inject
    Clock clock;

    @Transactional(TxType.MANDATORY)
    public void request(String scope, String reason, Instant notBefore) {
        entityManager.createNativeQuery("""
                insert into reevaluation_request (scope, reason, not_before, requested_at) values (?1, ?2, ?3, ?4)
                on conflict (scope) do update set not_before = least(reevaluation_request.not_before, excluded.not_before)
                """)
                .setParameter(1, scope)
                .setParameter(2, reason)
                .setParameter(3, notBefore)
                .setParameter(4, clock.instant())
                .executeUpdate();
    }

    /** Every household the engine knows, to evaluate again from now (after a ruleset change). */
    @Transactional(TxType.MANDATORY)
    public int requestAll(String reason, Instant notBefore) {
        return entityManager.createNativeQuery("""
                insert into reevaluation_request (scope, reason, not_before, requested_at)
                select scope, ?1, ?2, ?3 from (
                    select distinct household_id as scope from household_snapshot
                    union select distinct scope from entitlement) s
                on conflict (scope) do nothing
                """)
                .setParameter(1, reason)
                .setParameter(2, notBefore)
                .setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** Takes up to {@code limit} due requests off the queue, skipping those another instance is taking. */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<ReevaluationRequest> takeDue(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                delete from reevaluation_request where scope in (
                    select scope from reevaluation_request where not_before <= ?1 order by not_before
                    limit ?2 for update skip locked)
                returning *
                """, ReevaluationRequest.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
