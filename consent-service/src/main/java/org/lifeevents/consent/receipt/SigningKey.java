package org.lifeevents.consent.receipt;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A key that signs, or once signed, consent receipts. Its public part stays published for as long as the row exists,
 * so a receipt issued under a retired key still verifies.
 */
@Entity
@Table(name = "receipt_signing_key")
public class SigningKey extends PanacheEntityBase {

    public static final String GENERATED = "GENERATED";
    public static final String CONFIGURED = "CONFIGURED";

    /** RFC 7638 thumbprint of the public key. */
    @Id
    public String keyId;

    public String algorithm;
    /** The public key as a JWK (JSON). */
    public String publicJwk;
    /** PKCS#8 PEM, only for keys this service generated itself; null for keys from configuration. */
    public String privateKey;
    public String source;
    public Instant createdAt;
}
