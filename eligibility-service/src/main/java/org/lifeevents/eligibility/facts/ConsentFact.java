package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.HouseholdFacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's whole consent state as the consent service last published it. A local copy that triggers
 * re-evaluation; before income is read the consent service's own check is asked.
 */
@Entity
public class ConsentFact extends PanacheEntityBase {

    @Id
    public String personId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<HouseholdFacts.ConsentGrant> consents;

    public Instant occurredAt;
    public Instant receivedAt;
}
