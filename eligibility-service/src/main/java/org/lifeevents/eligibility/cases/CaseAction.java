package org.lifeevents.eligibility.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing done on a case: who, when, what, why and which amount. Written once, never changed. */
@Entity
public class CaseAction extends PanacheEntityBase {

    public static final String OPENED = "OPENED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String OVERRIDE_PROPOSED = "OVERRIDE_PROPOSED";
    public static final String OVERRIDDEN = "OVERRIDDEN";
    public static final String SECOND_APPROVAL = "SECOND_APPROVAL";
    /** The case closed by itself: what it waited for arrived. */
    public static final String CLOSED_BY_DATA = "CLOSED_BY_DATA";
    /** A recovery claim of the case was cancelled (the caseworker rejected recovering it). */
    public static final String CLAIM_CANCELLED = "CLAIM_CANCELLED";

    @Id
    public UUID actionId;

    public UUID caseId;
    public Instant at;
    public String actor;
    public String action;
    public String reason;
    public Long amountCents;

    public static List<CaseAction> ofCase(UUID caseId) {
        return list("caseId = ?1 order by at, action", caseId);
    }
}
