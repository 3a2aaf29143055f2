package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.lifeevents.eligibility.EligibilityConfig;
import org.lifeevents.eligibility.decision.Entitlement;
import org.lifeevents.eligibility.facts.PayoutAccountFact;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.Missing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled look at what waits too long: a decision pending past {@code pending-timeout} becomes a case (typed by
 * what it waits for), and money owed to a person without a payout account past {@code no-payout-account-after} a
 * NO_PAYOUT_ACCOUNT case. A case already opened since the situation last changed is not opened again.
 */
@ApplicationScoped
public class CaseJob {

    private static final Logger LOG = Logger.getLogger(CaseJob.class);
    private static final int BATCH = 500;

    @Inject
    CaseOpener opener;

    @Inject
    EligibilityConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${lifeevents.eligibility.cases.every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void run() {
        runOnce(clock.instant());
    }

    /** Opens the cases due at {@code now}; returns how many it opened. */
    public int runOnce(Instant now) {
        int opened = 0;
        Instant pendingBefore = now.minus(config.cases().pendingTimeout());
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> Entitlement
                .<Entitlement> find("status = 'PENDING' and updatedAt <= ?1 order by updatedAt", pendingBefore)
                .page(0, BATCH).list().stream().map(e -> e.entitlementId).toList());
        for (UUID id : pending) {
            opened += QuarkusTransaction.requiringNew().call(() -> {
                Entitlement e = Entitlement.findById(id);
                if (e == null || !"PENDING".equals(e.status)) {
                    return 0;
                }
                return opener.openUnlessSince(CaseTriggers.request(pendingType(e), e, e.decisionId), e.updatedAt)
                        .isPresent() ? 1 : 0;
            });
        }
        Instant accountBefore = now.minus(config.cases().noPayoutAccountAfter());
        @SuppressWarnings("unchecked")
        List<String> unpaid = QuarkusTransaction.requiringNew().call(() -> Entitlement.getEntityManager()
                .createNativeQuery("""
                        select distinct e.recipient_id from entitlement e
                        where e.status = 'GRANTED' and e.created_at <= ?1
                          and not exists (select 1 from payout_account_fact a
                                          where a.person_id = e.recipient_id and a.account_known)
                        limit ?2
                        """, String.class)
                .setParameter(1, accountBefore).setParameter(2, BATCH).getResultList());
        for (String recipient : unpaid) {
            opened += QuarkusTransaction.requiringNew().call(() -> {
                PayoutAccountFact fact = PayoutAccountFact.findById(recipient.trim());
                Entitlement e = Entitlement.<Entitlement> find("recipientId = ?1 and status = 'GRANTED' order by "
                        + "createdAt", recipient).firstResult();
                return opener.openUnlessSince(CaseOpener.Request.of(CaseType.NO_PAYOUT_ACCOUNT, recipient.trim(),
                        recipient.trim() + " has been owed money for more than "
                                + config.cases().noPayoutAccountAfter().toDays() + " days (the "
                                + Benefit.valueOf(e.benefit).words() + " and maybe more) but has no payout account: "
                                + "ask them for one.")
                        .subject(recipient.trim()).household(e.householdId)
                        .entitlement(e.entitlementId, e.decisionId).correlation(e.correlationId),
                        fact == null ? Instant.EPOCH : fact.receivedAt).isPresent() ? 1 : 0;
            });
        }
        if (opened > 0) {
            LOG.infof("%d cases opened for decisions and payments waiting too long", opened);
        }
        return opened;
    }

    static CaseType pendingType(Entitlement e) {
        List<String> missing = e.missingCodes();
        if (missing.contains(Missing.RESIDENT_PARENT)) {
            return CaseType.UNKNOWN_PERSON;
        }
        if (missing.contains(Missing.TAX_INCOME)) {
            return CaseType.INCOME_MISSING;
        }
        if (missing.contains(Missing.RECIPIENT)) {
            return Benefit.FUNERAL_GRANT.name().equals(e.benefit) ? CaseType.UNDECIDABLE
                    : CaseType.MINORS_WITHOUT_PARENT;
        }
        return CaseType.PENDING_TIMEOUT;
    }

    /** Skips the scheduled run when the check is switched off. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        EligibilityConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.cases().enabled();
        }
    }
}
