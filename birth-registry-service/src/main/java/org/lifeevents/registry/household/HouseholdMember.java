package org.lifeevents.registry.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a person belongs to a household; memberUntil is the last day, null while it lasts. */
@Entity
public class HouseholdMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_member_id")
    @SequenceGenerator(name = "household_member_id", sequenceName = "household_member_id_seq", allocationSize = 50)
    public Long id;

    public String householdId;
    public String personId;
    public LocalDate memberSince;
    public LocalDate memberUntil;

    public static List<HouseholdMember> current(String householdId) {
        return list("householdId = ?1 and memberUntil is null order by memberSince, personId", householdId);
    }

    /** Memberships of the household that last until the date or later: who is in it from that day. */
    public static List<HouseholdMember> from(String householdId, LocalDate date) {
        return list("householdId = ?1 and (memberUntil is null or memberUntil >= ?2) order by memberSince, personId",
                householdId, date);
    }

    public static Optional<HouseholdMember> currentOf(String personId) {
        return find("personId = ?1 and memberUntil is null", personId).firstResultOptional();
    }

    /** The person's latest membership, ended or not. */
    public static Optional<HouseholdMember> latestOf(String personId) {
        return find("personId = ?1 order by memberSince desc, id desc", personId).firstResultOptional();
    }
}
