package org.lifeevents.eligibility.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An exception handed to caseworkers: what it is about, where it stands, and how it was resolved. Its history is the
 * append-only list of {@link CaseAction}s.
 */
@Entity
@Table(name = "caseworker_case")
public class Case extends PanacheEntityBase {

    @Id
    public UUID caseId;

    /** Type and what the case is about; at most one open case per key. */
    public String caseKey;
    public String caseType;
    public String status;
    public String subjectPersonId;
    public String householdId;
    public UUID entitlementId;
    public UUID decisionId;
    public String summary;
    public String correlationId;
    public Instant openedAt;
    public String assignee;
    public String resolution;
    public String resolvedBy;
    public String secondApprover;
    public Instant resolvedAt;

    /** An override above the four-eyes limit waiting for a second caseworker. */
    public String proposedBy;
    public String proposedReason;
    public Long proposedAmountCents;

    @Version
    public long version;

    public CaseType type() {
        return CaseType.valueOf(caseType);
    }

    public boolean resolved() {
        return CaseStatus.RESOLVED.name().equals(status);
    }
}
