package org.lifeevents.eligibility.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A payment the payment service sent under an entitlement for a period, and whether the bank took it. */
@Entity
public class PaidPayment extends PanacheEntityBase {

    public static final String SENT = "SENT";
    public static final String SETTLED = "SETTLED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID paymentId;

    public UUID entitlementId;
    public String benefit;
    public String recipientId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    /** Sent to the bank, after recovery offsets. */
    public long amountCents;
    /** Credited to the recipient for the period: sent plus offset against their claims; null if recorded before. */
    public Long grossCents;
    public String status;
    public String correlationId;
    public Instant updatedAt;

    /**
     * Money that left for the entitlement (sent or settled, not refused by the bank), oldest period first, read as
     * stored: values, not managed entities, since payment reports are written by one statement beside the session.
     */
    public static List<Paid> paidUnder(UUID entitlementId) {
        return getEntityManager().createQuery("""
                select new org.lifeevents.eligibility.payment.PaidPayment$Paid(p.paymentId, p.recipientId,
                       p.periodStart, p.periodEnd, coalesce(p.grossCents, p.amountCents), p.correlationId)
                from PaidPayment p where p.entitlementId = ?1 and p.status <> ?2 order by p.periodStart, p.paymentId
                """, Paid.class).setParameter(1, entitlementId).setParameter(2, FAILED).getResultList();
    }

    /** A payment as a claim sees it: what the recipient was credited with (gross) for the period. */
    public record Paid(UUID paymentId, String recipientId, LocalDate periodStart, LocalDate periodEnd, long grossCents,
            String correlationId) {
    }
}
