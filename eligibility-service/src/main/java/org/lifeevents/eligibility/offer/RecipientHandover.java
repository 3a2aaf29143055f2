package org.lifeevents.eligibility.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A parent handed a child's monthly benefits to the other legal parent from the 1st of a month on. */
@Entity
public class RecipientHandover extends PanacheEntityBase {

    @Id
    public UUID handoverId;

    public String childId;
    public String householdId;
    public String fromPersonId;
    public String toPersonId;
    public LocalDate effectiveFrom;
    public Instant requestedAt;
    public String correlationId;
}
