package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.HouseholdFacts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A death as the civil registry reported it (Tell Us Once), with the survivors it named. */
@Entity
public class DeathFact extends PanacheEntityBase {

    @Id
    public String personId;

    public String registrationId;
    public LocalDate birthDate;
    public LocalDate dateOfDeath;
    public String householdId;
    public String spouseId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<HouseholdFacts.Relative> householdMembers;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<HouseholdFacts.MinorChild> minorChildren;

    public String correlationId;
    public Instant registeredAt;
    public Instant correctedAt;
    public Instant revokedAt;
}
