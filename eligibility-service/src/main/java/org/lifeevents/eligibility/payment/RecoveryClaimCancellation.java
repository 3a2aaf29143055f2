package org.lifeevents.eligibility.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a recovery claim no longer claims, because its months are owed again to the person it claimed from (an
 * entitlement reinstated by a revoked death registration or a correction). The claim stays as it was sent.
 */
@Entity
public class RecoveryClaimCancellation extends PanacheEntityBase {

    @Id
    public UUID claimId;

    public long amountCents;
    public String reason;
    public UUID decisionId;
    public String explanation;
    public Instant cancelledAt;
}
