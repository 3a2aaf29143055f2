package org.lifeevents.payment.recovery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.lifeevents.payment.schedule.Payment;
import org.lifeevents.payment.schedule.PaymentEvents;

/**
 * Pays back to a debtor what recovery offsets took for a claim beyond what is still claimed, once part of the claim is
 * released because its months are owed to the debtor again. The refund is a payment due today for the claim's
 * entitlement and period, marked with the claim: the next run pays it to the debtor's account like any other payment
 * (a pain.001 line, the bank's report, a re-issue after AC01), while the schedule, the reconciliation and eligibility
 * never count it as paid for the period, since it only returns money the state had kept.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentEvents events;

    @Inject
    Clock clock;

    /**
     * Schedules a refund of {@code cents} to the claim's debtor. The caller holds the claim's row lock, so two releases
     * of one claim refund one after the other, each only its own excess.
     */
    void refund(RecoveryClaim claim, long cents, String correlationId) {
        LocalDate today = LocalDate.now(clock);
        String correlation = correlationId == null ? claim.correlationId : correlationId;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Plain JDBC on the transaction's connection, as the schedule's inserts: the benefit and version come from the
        // entitlement's row, and the negative top-up version is the next one free for the period (re-issues use them
        // too), so the (entitlement, period, top_up_version) key holds.
        Payment refund = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                         top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                         status, due_date, correlation_id, refund_of_claim, created_at, updated_at)
                    select payment_uuid(), c.entitlement_id, s.benefit, c.debtor_id, c.period_start, c.period_end,
                           -1 - (select count(*) from payment r
                                 where r.entitlement_id = c.entitlement_id and r.period_start = c.period_start
                                   and r.top_up_version < 0),
                           s.version, ?, 0, ?, 'SCHEDULED', ?, ?, c.claim_id, ?, ?
                    from recovery_claim c join entitlement s on s.entitlement_id = c.entitlement_id
                    where c.claim_id = ?
                    returning payment_id, benefit, recipient_id, period_start, period_end, entitlement_id
                    """)) {
                insert.setLong(1, cents);
                insert.setLong(2, cents);
                insert.setObject(3, today);
                insert.setString(4, correlation);
                insert.setObject(5, now);
                insert.setObject(6, now);
                insert.setObject(7, claim.claimId);
                try (ResultSet rs = insert.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Payment p = new Payment();
                    p.paymentId = rs.getObject(1, UUID.class);
                    p.benefit = rs.getString(2);
                    p.recipientId = rs.getString(3);
                    p.periodStart = rs.getObject(4, LocalDate.class);
                    p.periodEnd = rs.getObject(5, LocalDate.class);
                    p.entitlementId = rs.getObject(6, UUID.class);
                    p.grossCents = cents;
                    p.amountCents = cents;
                    p.dueDate = today;
                    p.correlationId = correlation;
                    p.refundOfClaim = claim.claimId;
                    return p;
                }
            }
        });
        if (refund == null) {
            // the entitlement the claim names is not held here: nothing to pay the refund under, a caseworker must
            LOG.errorf("Recovery claim %s: %d cents recovered beyond what is claimed are owed back to %s, but its "
                    + "entitlement %s is not known here; no refund scheduled", claim.claimId, cents, claim.debtorId,
                    claim.entitlementId);
            return;
        }
        events.scheduled(refund);
        LOG.infof("Payment %s refunds to %s the %d cents recovered by offsets for claim %s beyond what is still "
                + "claimed", refund.paymentId, claim.debtorId, cents, claim.claimId);
    }
}
