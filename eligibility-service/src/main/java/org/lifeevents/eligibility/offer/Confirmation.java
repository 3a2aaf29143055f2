package org.lifeevents.eligibility.offer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A citizen confirmed an offer (for the parental benefit: took it). A fact the rules read; one per entitlement. */
@Entity
public class Confirmation extends PanacheEntityBase {

    @Id
    public String entitlementKey;

    public UUID entitlementId;
    public String personId;
    public Instant confirmedAt;
    public String correlationId;
}
