package org.lifeevents.payment.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A payment of one entitlement for one period. At most one regular payment exists per (entitlement, period); an
 * increase of an amount already paid adds one top-up per (entitlement, period, entitlement version); a payment the bank
 * refused for a wrong account number is re-issued once a new account is known ({@link Reissues}); what recovery offsets
 * took beyond a claim later released is paid back by a refund, a payment of no period's benefit.
 */
@Entity
public class Payment extends PanacheEntityBase {

    /** Due (or waiting to be due) and not yet in a run. */
    public static final String SCHEDULED = "SCHEDULED";
    /** Not paid: the recipient died before this period; waits for eligibility to re-route it. */
    public static final String HELD = "HELD";
    /** No longer owed (the entitlement stopped or changed before it was paid). */
    public static final String CANCELLED = "CANCELLED";
    /** Assigned to a run's file, not yet handed to the bank. */
    public static final String IN_RUN = "IN_RUN";
    /** Paid in full by offsetting a recovery claim; nothing went to the bank. */
    public static final String OFFSET = "OFFSET";
    public static final String SENT = "SENT";
    public static final String SETTLED = "SETTLED";
    public static final String FAILED = "FAILED";

    /** Still in the schedule: a re-plan may change or cancel it. */
    public static final Set<String> PENDING = Set.of(SCHEDULED, HELD, CANCELLED);
    /** Money committed: the amount counts as paid for the period. */
    public static final Set<String> COMMITTED = Set.of(IN_RUN, OFFSET, SENT, SETTLED);

    @Id
    public UUID paymentId;

    public UUID entitlementId;
    public String benefit;
    public String recipientId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    /** 0 for the regular payment of the period; the entitlement version that caused it for a top-up. */
    public long topUpVersion;
    /** The entitlement version the payment was last planned from. */
    public long entitlementVersion;
    /** What the entitlement says is owed by this payment. */
    public long grossCents;
    /** Recovery claims offset against it. */
    public long offsetCents;
    /** What goes to the bank: gross less offsets. */
    public long amountCents;
    public String status;
    public LocalDate dueDate;
    public String correlationId;
    /** Where the money went and to whom, fixed when the payment joined a run's file. */
    public String creditorIban;
    public String creditorName;
    public UUID runId;
    public UUID fileId;
    public String reasonCode;
    public String reasonText;
    public Instant sentAt;
    public Instant settledAt;
    public Instant createdAt;
    public Instant updatedAt;
    /** The failed payment (refused for a wrong account number) this one pays again to a new account. */
    public UUID reissueOf;
    /**
     * The recovery claim whose excess recovery this payment pays back ({@code Refunds}): money returned, not paid for
     * the period, so the schedule never counts it.
     */
    public UUID refundOfClaim;

    public boolean isTopUp() {
        return topUpVersion > 0;
    }

    /** A re-issue of a refused payment: its top-up version is negative, so the regular one keeps 0. */
    public boolean isReissue() {
        return topUpVersion < 0 && refundOfClaim == null;
    }

    public boolean isRefund() {
        return refundOfClaim != null;
    }
}
