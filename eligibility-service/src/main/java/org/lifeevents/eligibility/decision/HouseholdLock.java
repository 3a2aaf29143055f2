package org.lifeevents.eligibility.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Serialises decisions about one household across threads and instances. A birth and the household state it needs
 * arrive on different topics and may be handled at the same moment; without this each transaction could miss the
 * other's uncommitted fact and neither would decide.
 */
@ApplicationScoped
public class HouseholdLock {

    @Inject
    EntityManager entityManager;

    /** Holds the household's lock until the current transaction ends. */
    @Transactional(TxType.MANDATORY)
    public void lock(String householdId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "household:" + householdId)
                .getSingleResult();
    }
}
