package org.lifeevents.registry.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A household of the population register; its version orders the snapshots published for it, and the hash of the last
 * published state lets a change that changes nothing publish nothing.
 */
@Entity
public class Household extends PanacheEntityBase {

    @Id
    @Column(name = "household_id")
    public String householdId;

    public long version;
    public String street;
    public String postalCode;
    public String municipality;
    public String countryCode;
    public String stateHash;
    public String loadHash;
}
