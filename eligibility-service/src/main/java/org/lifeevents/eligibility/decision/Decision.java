package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.rules.Period;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One decision about an entitlement with everything that explains it. Written once, never changed (the table refuses
 * updates and deletes); each names the hash of the entitlement's previous decision, so the chain shows tampering.
 */
@Entity
public class Decision extends PanacheEntityBase {

    @Id
    public UUID decisionId;

    public UUID entitlementId;
    public String entitlementKey;
    public long version;
    public String benefit;
    public String outcome;
    public String recipientId;
    public String beneficiaryId;
    public String householdId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Period> periods;

    public Long amountCents;
    public LocalDate periodFrom;
    public LocalDate periodUntil;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Missing> missing;

    @JdbcTypeCode(SqlTypes.JSON)
    public Explanation explanation;

    public String consentId;
    public String citizenText;
    public String legalReference;
    public String ruleVersion;
    public String parameterVersion;
    public String changeReason;
    public String trigger;
    public String correlationId;
    public Instant decidedAt;
    public String previousHash;
    public String hash;

    public static List<Decision> ofEntitlement(UUID entitlementId) {
        return list("entitlementId = ?1 order by version", entitlementId);
    }
}
