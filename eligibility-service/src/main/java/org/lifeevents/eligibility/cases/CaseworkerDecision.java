package org.lifeevents.eligibility.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a caseworker decided about one entitlement (grant as computed, refuse, or pay another amount), kept so that
 * every later evaluation of the household applies it on top of the rules instead of undoing it.
 */
@Entity
public class CaseworkerDecision extends PanacheEntityBase {

    public static final String GRANT = "GRANT";
    public static final String REFUSE = "REFUSE";
    public static final String AMOUNT = "AMOUNT";

    @Id
    public String entitlementKey;

    public UUID entitlementId;
    public String kind;
    public Long amountCents;
    public String reason;
    public UUID caseId;
    public String decidedBy;
    public String secondApprover;
    public Instant decidedAt;
}
