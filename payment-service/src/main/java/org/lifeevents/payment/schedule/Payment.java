package org.lifeevents.payment.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A payment of one entitlement for one period. At most one exists per (entitlement, period). */
@Entity
public class Payment extends PanacheEntityBase {

    public static final String SCHEDULED = "SCHEDULED";

    @Id
    public UUID paymentId;

    public UUID entitlementId;
    public String benefit;
    public String recipientId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public long amountCents;
    public String status;
    public LocalDate dueDate;
    public String correlationId;
    public Instant createdAt;
}
