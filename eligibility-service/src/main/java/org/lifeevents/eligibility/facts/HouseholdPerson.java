package org.lifeevents.eligibility.facts;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.Session;

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

    /**
     * Records that these people bear on the household, unless a link is visible, in one statement however many they
     * are; null ids are skipped. Two transactions in flight may both add the same link (there is no unique key, so
     * neither waits for the other): readers take each household once.
     */
    public static void link(EntityManager em, Collection<String> personIds, String householdId) {
        String[] people = personIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (people.length == 0 || householdId == null) {
            return;
        }
        // Plain JDBC on the transaction's connection: a native query through the session would first flush every
        // entity of the poll, once per event (the link reads nothing the session holds).
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into household_person (person_id, household_id)
                    select linked.person_id, ? from unnest(?::bpchar[]) as linked(person_id)
                    where not exists (select 1 from household_person known
                                      where known.person_id = linked.person_id and known.household_id = ?)
                    """)) {
                insert.setString(1, householdId);
                insert.setArray(2, connection.createArrayOf("text", people));
                insert.setString(3, householdId);
                insert.executeUpdate();
            }
        });
    }

    public static List<String> householdsOf(String personId) {
        return getEntityManager()
                .createQuery(
                        "select distinct h.householdId from HouseholdPerson h where h.personId = ?1 order by h.householdId",
                        String.class)
                .setParameter(1, personId)
                .getResultList();
    }
}
