package org.lifeevents.eligibility.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A recovery claim sent to the payment service: part of one payment that turned out not to be owed. Written once;
 * the claims of a payment never add up to more than it paid.
 */
@Entity
public class RecoveryClaim extends PanacheEntityBase {

    @Id
    public UUID claimId;

    public UUID paymentId;
    public int sequence;
    public UUID entitlementId;
    public String debtorId;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public long amountCents;
    public String reason;
    public UUID decisionId;
    public UUID caseId;
    public String explanation;
    public String correlationId;
    public Instant claimedAt;

    /**
     * What the claims on the payment still claim: their amounts less what was released because the months are owed
     * again. A waived claim still counts: the caseworker decided not to recover it, not that it was not paid.
     */
    public static long claimedOn(UUID paymentId) {
        Number sum = getEntityManager()
                .createQuery("select coalesce(sum(c.amountCents - coalesce(x.amountCents, 0)), 0) from RecoveryClaim c"
                        + " left join RecoveryClaimCancellation x on x.claimId = c.claimId and x.cause = ?2"
                        + " where c.paymentId = ?1", Number.class)
                .setParameter(1, paymentId).setParameter(2, RecoveryClaimCancellation.REINSTATED).getSingleResult();
        return sum.longValue();
    }

    /** The claims on the payment not cancelled, newest first (the first to give way when the months are owed again). */
    public static java.util.List<RecoveryClaim> standingOn(UUID paymentId) {
        return getEntityManager().createQuery("select c from RecoveryClaim c where c.paymentId = ?1 and not exists "
                + "(select 1 from RecoveryClaimCancellation x where x.claimId = c.claimId) order by c.sequence desc",
                RecoveryClaim.class).setParameter(1, paymentId).getResultList();
    }

    public static long countOn(UUID paymentId) {
        return count("paymentId", paymentId);
    }
}
