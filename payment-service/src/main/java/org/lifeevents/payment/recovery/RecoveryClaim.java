package org.lifeevents.payment.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Money paid that was not owed and is recovered from the debtor's next payments; what remains is open, unless a
 * caseworker cancelled the claim (then what remains is waived and what was offset stays recovered).
 */
@Entity
public class RecoveryClaim extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String SETTLED = "SETTLED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID claimId;

    public UUID entitlementId;
    public String debtorId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public long amountCents;
    /** What is still to be offset: the amount less what was released, less what offsets recovered. */
    public long remainingCents;
    /** The part of the amount released as owed to the debtor again (REINSTATED): no longer claimed. */
    public long releasedCents;
    public String reason;
    public String decisionId;
    public String explanation;
    public String correlationId;
    public String status;
    public Instant receivedAt;
    public Instant settledAt;
    public Instant cancelledAt;
    public String cancelledBy;
    public String cancellationReason;
    public String cancelledInCase;
}
