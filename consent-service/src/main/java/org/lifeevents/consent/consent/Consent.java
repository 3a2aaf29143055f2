package org.lifeevents.consent.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's consent to the reuse of some of their data for one purpose, for a time. */
@Entity
public class Consent extends PanacheEntityBase {

    @Id
    public UUID consentId;

    public String personId;
    public String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dataCategories;

    public Instant validFrom;
    public Instant validUntil;
    public Instant grantedAt;
    public Instant revokedAt;
    public UUID receiptId;

    /** ACTIVE, EXPIRED or REVOKED at the given time. */
    public String statusAt(Instant time) {
        if (revokedAt != null && !revokedAt.isAfter(time)) {
            return "REVOKED";
        }
        if (validUntil != null && !validUntil.isAfter(time)) {
            return "EXPIRED";
        }
        return "ACTIVE";
    }

    public static List<Consent> of(String personId) {
        return list("personId = ?1 order by grantedAt", personId);
    }
}
