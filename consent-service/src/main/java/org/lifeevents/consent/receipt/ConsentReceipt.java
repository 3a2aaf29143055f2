package org.lifeevents.consent.receipt;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed consent receipt as issued: the compact JWS, kept unchanged for the citizen to download. */
@Entity
public class ConsentReceipt extends PanacheEntityBase {

    @Id
    public UUID receiptId;

    public UUID consentId;
    public String personId;

    @Enumerated(EnumType.STRING)
    public ReceiptKind kind;

    public Instant issuedAt;
    public String keyId;
    /** The receipt as a compact JWS (ES256). */
    public String jws;

    /** The latest receipt of the consent, or of the given kind. */
    public static ConsentReceipt latest(UUID consentId, ReceiptKind kind) {
        if (kind != null) {
            return find("consentId = ?1 and kind = ?2", consentId, kind).firstResult();
        }
        return find("consentId = ?1 order by issuedAt desc, kind desc", consentId).firstResult();
    }
}
