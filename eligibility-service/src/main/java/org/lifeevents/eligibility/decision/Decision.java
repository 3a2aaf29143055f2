package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One decision with everything that explains it. Written once, never changed. */
@Entity
public class Decision extends PanacheEntityBase {

    @Id
    public UUID decisionId;

    public UUID entitlementId;
    public String benefit;
    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    public Explanation explanation;

    public String citizenText;
    public String legalReference;
    public String ruleVersion;
    public String parameterVersion;
    public String correlationId;
    public Instant decidedAt;
}
