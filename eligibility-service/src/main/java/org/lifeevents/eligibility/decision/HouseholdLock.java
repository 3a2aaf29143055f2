package org.lifeevents.eligibility.decision;

import java.util.Collection;
import java.util.TreeSet;

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

    /**
     * Holds the households' locks until the current transaction ends, taken in one statement in sorted order, so two
     * transactions never wait on each other's locks in a cycle.
     */
    @Transactional(TxType.MANDATORY)
    public void lockAll(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                select count(pg_advisory_xact_lock(hashtext('household:' || id)))
                from (select id from unnest(cast(?1 as text[])) with ordinality as h(id, n) order by n) as ordered
                """)
                .setParameter(1, new TreeSet<>(householdIds).toArray(String[]::new))
                .getSingleResult();
    }

    /** Holds the household's lock until the current transaction ends. */
    @Transactional(TxType.MANDATORY)
    public void lock(String householdId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "household:" + householdId)
                .getSingleResult();
    }
}
