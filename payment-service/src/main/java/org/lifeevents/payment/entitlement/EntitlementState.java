package org.lifeevents.payment.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest state of an entitlement as eligibility published it: what the schedule is planned from. */
@Entity
@Table(name = "entitlement")
public class EntitlementState extends PanacheEntityBase {

    public static final String GRANTED = "GRANTED";
    public static final String STOPPED = "STOPPED";

    @Id
    public UUID entitlementId;

    public long version;
    public String benefit;
    public String status;
    public boolean monthly;
    public String recipientId;
    public String beneficiaryId;
    public String correlationId;
    /** The household the entitlement was decided in (null for versions published before it was carried). */
    public String householdId;
    /** The decision behind this state, whose stored explanation says why. */
    public String decisionId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Period> periods;

    /** After a stop: the last day anything is owed; null with a stop means nothing was ever owed. */
    public LocalDate lastOwedDate;
    public String stopReason;
    /** The day the entitlement was first seen GRANTED: when a one-off benefit becomes due. */
    public LocalDate grantedOn;
    /** The last month the schedule holds payments for (monthly benefits are extended month by month). */
    public LocalDate plannedThrough;
    public Instant updatedAt;

    /** A run of months (or a one-off day) with its amount and recipient. */
    public record Period(LocalDate fromDate, LocalDate untilDate, long amountCents, String recipientId) {
    }
}
