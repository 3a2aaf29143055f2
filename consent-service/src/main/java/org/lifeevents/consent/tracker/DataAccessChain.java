package org.lifeevents.consent.tracker;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The head of one person's data-access chain; appending an entry locks it, so a chain grows one entry at a time. */
@Entity
public class DataAccessChain extends PanacheEntityBase {

    @Id
    public String subjectPersonId;

    public long length;
    public String headHash;
}
