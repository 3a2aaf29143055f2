package org.lifeevents.eligibility.reevaluation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A scope to evaluate again, not before a time (one row per scope; a later request keeps the earlier time). */
@Entity
public class ReevaluationRequest extends PanacheEntityBase {

    @Id
    public String scope;

    public String reason;
    public Instant notBefore;
    public Instant requestedAt;
}
