package org.lifeevents.eligibility.facts;

import java.io.Serializable;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a person's data bears on a household's entitlements: so an income or a consent re-evaluates it. */
@Entity
@IdClass(HouseholdPerson.Key.class)
public class HouseholdPerson extends PanacheEntityBase {

    @Id
    public String personId;

    @Id
    public String householdId;

    /** Composite primary key. */
    public record Key(String personId, String householdId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** Records the link unless it exists (concurrent intakes may add the same one). */
    public static void link(EntityManager em, String personId, String householdId) {
        if (personId == null || householdId == null) {
            return;
        }
        em.createNativeQuery("insert into household_person (person_id, household_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, personId)
                .setParameter(2, householdId)
                .executeUpdate();
    }

    public static List<String> householdsOf(String personId) {
        return getEntityManager()
                .createQuery("select h.householdId from HouseholdPerson h where h.personId = ?1 order by h.householdId",
                        String.class)
                .setParameter(1, personId)
                .getResultList();
    }
}
