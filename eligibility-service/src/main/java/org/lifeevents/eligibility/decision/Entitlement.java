package org.lifeevents.eligibility.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What is owed under one benefit to one beneficiary from one registration, and where it stands. */
@Entity
public class Entitlement extends PanacheEntityBase {

    public static final String OFFERED = "OFFERED";
    public static final String GRANTED = "GRANTED";

    @Id
    public UUID entitlementId;

    public String benefit;
    public String status;
    public String recipientId;
    public String beneficiaryId;
    public String householdId;
    public String sourceRegistrationId;
    public boolean monthly;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Period> periods;

    public String legalReference;
    public UUID decisionId;
    public String correlationId;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** A run of months (or a one-off day) with its amount and recipient. */
    public record Period(java.time.LocalDate fromDate, java.time.LocalDate untilDate, long amountCents, String recipientId,
            String parameterVersion) {
    }

    public static boolean exists(String benefit, String beneficiaryId, String sourceRegistrationId) {
        return count("benefit = ?1 and beneficiaryId = ?2 and sourceRegistrationId = ?3", benefit, beneficiaryId,
                sourceRegistrationId) > 0;
    }
}
