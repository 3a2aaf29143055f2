package org.lifeevents.payment.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.lifeevents.payment.account.PayoutAccountRecorded;

/**
 * Re-issues the payments a bank returned with AC01 (incorrect account number) once the recipient has a new payout
 * account: each becomes a new payment for the same entitlement and period, due today so the next run pays it to the
 * new account. Only while the schedule has not re-planned the entitlement since the failure (a new version plans its
 * own top-up of what is unpaid, or nothing when the period is no longer owed), and only a failure nothing else has
 * paid since; a refused refund of recovered money is re-issued whatever the entitlement did since, as a refund again
 * (it pays back money kept, not a period the schedule may have re-planned). The re-issue points at the failed payment
 * under a unique index, so however often an account is recorded or an event redelivered, a failed payment is re-issued
 * once; a re-issue the bank refuses again is re-issued in turn.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Reissues {

    private static final Logger LOG = Logger.getLogger(Reissues.class);
    static final String INCORRECT_ACCOUNT = "AC01";

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentEvents events;

    @Inject
    Clock clock;

    void onAccount(@Observes PayoutAccountRecorded recorded) {
        reissue(recorded.personId(), recorded.iban());
    }

    /** Re-issues the person's payments refused for a wrong account other than {@code iban}; returns how many. */
    public int reissue(String personId, String iban) {
        LocalDate today = LocalDate.now(clock);
        // Plain JDBC on the transaction's connection, one statement for all of the person's failures: the session
        // holds nothing this reads, and a flush of it is not needed.
        List<Payment> reissued = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into payment (payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                                         top_up_version, entitlement_version, gross_cents, offset_cents, amount_cents,
                                         status, due_date, correlation_id, reissue_of, refund_of_claim)
                    select payment_uuid(), f.entitlement_id, f.benefit, f.recipient_id, f.period_start, f.period_end,
                           -(select count(*) from payment r
                             where r.entitlement_id = f.entitlement_id and r.period_start = f.period_start
                               and r.top_up_version < 0)
                             - row_number() over (partition by f.entitlement_id, f.period_start
                                                  order by f.top_up_version),
                           f.entitlement_version, f.gross_cents, f.offset_cents, f.amount_cents, 'SCHEDULED', ?,
                           f.correlation_id, f.payment_id, f.refund_of_claim
                    from payment f
                    join entitlement s on s.entitlement_id = f.entitlement_id
                    where f.recipient_id = ? and f.status = 'FAILED' and f.reason_code = ?
                      and (s.version = f.entitlement_version or f.refund_of_claim is not null)
                      and f.creditor_iban is distinct from ?
                      and not exists (select 1 from payment r where r.reissue_of = f.payment_id)
                      and not exists (select 1 from payment later
                                      where later.entitlement_id = f.entitlement_id
                                        and later.period_start = f.period_start
                                        and later.recipient_id = f.recipient_id
                                        and later.status not in ('FAILED', 'CANCELLED')
                                        and f.refund_of_claim is null and later.refund_of_claim is null
                                        and (later.top_up_version > f.top_up_version or later.top_up_version < 0))
                    on conflict do nothing
                    returning payment_id, entitlement_id, benefit, recipient_id, period_start, period_end,
                              amount_cents, due_date, correlation_id, reissue_of, refund_of_claim
                    """)) {
                insert.setObject(1, today);
                insert.setString(2, personId);
                insert.setString(3, INCORRECT_ACCOUNT);
                insert.setString(4, iban);
                List<Payment> rows = new ArrayList<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        Payment p = new Payment();
                        p.paymentId = rs.getObject(1, UUID.class);
                        p.entitlementId = rs.getObject(2, UUID.class);
                        p.benefit = rs.getString(3);
                        p.recipientId = rs.getString(4);
                        p.periodStart = rs.getObject(5, LocalDate.class);
                        p.periodEnd = rs.getObject(6, LocalDate.class);
                        p.amountCents = rs.getLong(7);
                        p.dueDate = rs.getObject(8, LocalDate.class);
                        p.correlationId = rs.getString(9);
                        p.reissueOf = rs.getObject(10, UUID.class);
                        p.refundOfClaim = rs.getObject(11, UUID.class);
                        rows.add(p);
                    }
                }
                return rows;
            }
        });
        for (Payment p : reissued) {
            events.scheduled(p);
            LOG.infof("Payment %s re-issues %s (refused with %s) to the new account of %s", p.paymentId, p.reissueOf,
                    INCORRECT_ACCOUNT, personId);
        }
        return reissued.size();
    }
}
