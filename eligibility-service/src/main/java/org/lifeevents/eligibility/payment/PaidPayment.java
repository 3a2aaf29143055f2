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
    public long amountCents;
    public String status;
    public String correlationId;
    public Instant updatedAt;

    /** Money that left for the entitlement (sent or settled, not refused by the bank), oldest period first. */
    public static List<PaidPayment> paidUnder(UUID entitlementId) {
        return list("entitlementId = ?1 and status <> ?2 order by periodStart, paymentId", entitlementId, FAILED);
    }
}
