package org.lifeevents.eligibility.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a recovery claim was cancelled by a caseworker's rejection of its case: who, when, why. Written once. */
@Entity
public class RecoveryClaimCancellation extends PanacheEntityBase {

    @Id
    public UUID claimId;

    public UUID caseId;
    public String cancelledBy;
    public String reason;
    public Instant cancelledAt;
}
