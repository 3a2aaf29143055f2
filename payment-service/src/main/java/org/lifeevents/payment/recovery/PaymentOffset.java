package org.lifeevents.payment.recovery;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recovery claim offset against one payment: shown on the payment, and what the claim's remainder is made of. */
@Entity
@IdClass(PaymentOffset.Key.class)
public class PaymentOffset extends PanacheEntityBase {

    @Id
    public UUID paymentId;

    @Id
    public UUID claimId;

    public long amountCents;
    public UUID runId;
    public Instant createdAt;

    /** The composite key. */
    public record Key(UUID paymentId, UUID claimId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
