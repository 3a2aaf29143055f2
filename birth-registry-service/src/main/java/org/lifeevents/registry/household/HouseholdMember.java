package org.lifeevents.registry.household;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A period in which a person belongs to a household; memberUntil is the last day, null while it lasts. */
@Entity
public class HouseholdMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String householdId;
    public String personId;
    public LocalDate memberSince;
    public LocalDate memberUntil;

    public static List<HouseholdMember> current(String householdId) {
        return list("householdId = ?1 and memberUntil is null order by memberSince, personId", householdId);
    }

    public static java.util.Optional<HouseholdMember> currentOf(String personId) {
        return find("personId = ?1 and memberUntil is null", personId).firstResultOptional();
    }
}
