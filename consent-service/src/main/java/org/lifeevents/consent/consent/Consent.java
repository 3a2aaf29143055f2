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
    /** End of validity, exclusive; null for until revoked. */
    public Instant validUntil;
    public Instant grantedAt;
    public Instant revokedAt;
    /** The signed receipt of the grant. */
    public UUID receiptId;
    /** The signed receipt of the revocation; null while not revoked. */
    public UUID revocationReceiptId;
    /** When the consent coming into force was published; set at grant when it starts at once. */
    public Instant startAnnouncedAt;
    /** When its expiry was published; null until the lifecycle job notices it. */
    public Instant expiryAnnouncedAt;

    /** Where the consent stands at the given time. */
    public ConsentStatus statusAt(Instant time) {
        if (revokedAt != null && !revokedAt.isAfter(time)) {
            return ConsentStatus.REVOKED;
        }
        if (validUntil != null && !validUntil.isAfter(time)) {
            return ConsentStatus.EXPIRED;
        }
        if (validFrom.isAfter(time)) {
            return ConsentStatus.SCHEDULED;
        }
        return ConsentStatus.ACTIVE;
    }

    /** Whether it speaks about this use at all, whatever its status. */
    public boolean covers(String purpose, String dataCategory) {
        return this.purpose.equals(purpose) && dataCategories.contains(dataCategory);
    }

    /** When it stopped being in force (revocation or expiry, whichever came first); null while it has not. */
    public Instant endedAt(Instant time) {
        return switch (statusAt(time)) {
            case REVOKED -> validUntil != null && validUntil.isBefore(revokedAt) ? validUntil : revokedAt;
            case EXPIRED -> validUntil;
            default -> null;
        };
    }

    /** Every consent of the person, oldest first. */
    public static List<Consent> of(String personId) {
        return list("personId = ?1 order by grantedAt, consentId", personId);
    }
}
