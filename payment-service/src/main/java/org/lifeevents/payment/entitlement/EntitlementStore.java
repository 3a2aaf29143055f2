package org.lifeevents.payment.entitlement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.events.Events;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.payment.schedule.PaymentSchedule;

/**
 * Keeps the latest state of each entitlement from eligibility's events and re-plans its payments when it changes. An
 * event whose version is not above the one held is old news (a redelivery, or an overtaken change) and is ignored.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EntitlementStore {

    private static final Logger LOG = Logger.getLogger(EntitlementStore.class);

    @Inject
    PaymentSchedule schedule;

    @Inject
    Clock clock;

    public void decided(EntitlementDecidedEvent e) {
        apply(e.getEntitlementId(), e.getVersion(), e.getBenefit(), e.getStatus(), e.getMonthly(), e.getRecipientId(),
                e.getBeneficiaryId(), e.getHouseholdId(), e.getDecisionId(), e.getCorrelationId(), e.getPeriods());
    }

    public void changed(EntitlementChangedEvent e) {
        apply(e.getEntitlementId(), e.getVersion(), e.getBenefit(), e.getStatus(), e.getMonthly(), e.getRecipientId(),
                e.getBeneficiaryId(), e.getHouseholdId(), e.getDecisionId(), e.getCorrelationId(), e.getPeriods());
    }

    public void stopped(EntitlementStoppedEvent e) {
        EntitlementState state = EntitlementState.findById(uuid(e.getEntitlementId()));
        if (state == null) {
            // Nothing was ever planned for it here; the stop matters only once its state arrives, and that state
            // will carry the stop's consequences in its own version.
            LOG.infof("Stop of unknown entitlement %s ignored", e.getEntitlementId());
            return;
        }
        if (e.getVersion() <= state.version) {
            return;
        }
        state.version = e.getVersion();
        state.status = EntitlementState.STOPPED;
        state.lastOwedDate = e.getLastOwedDate();
        state.stopReason = e.getReason();
        state.decisionId = e.getDecisionId();
        state.updatedAt = clock.instant();
        schedule.plan(state);
    }

    private void apply(String entitlementId, long version, String benefit, String status, boolean monthly,
            String recipientId, String beneficiaryId, String householdId, String decisionId, String correlationId,
            List<EntitlementPeriod> periods) {
        List<EntitlementState.Period> checked = periods.stream().map(EntitlementStore::period).toList();
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > Events.CORRELATION_ID_MAX_LENGTH) {
            throw new RejectedEventException(
                    "Correlation id " + correlationId + " cannot be an EndToEndId (1 to 35 characters)");
        }
        UUID id = uuid(entitlementId);
        EntitlementState state = EntitlementState.findById(id);
        if (state != null && version <= state.version) {
            LOG.debugf("Entitlement %s version %d is not above %d; ignored", entitlementId, version, state.version);
            return;
        }
        boolean first = state == null;
        if (first) {
            state = new EntitlementState();
            state.entitlementId = id;
        }
        state.version = version;
        state.benefit = benefit;
        state.status = status;
        state.monthly = monthly;
        state.recipientId = recipientId;
        state.beneficiaryId = beneficiaryId;
        // A version without a household (published before eligibility carried it) keeps the one known.
        if (householdId != null) {
            state.householdId = householdId;
        }
        state.decisionId = decisionId;
        state.correlationId = correlationId;
        state.periods = checked;
        state.lastOwedDate = null;
        state.stopReason = null;
        if (EntitlementState.GRANTED.equals(status) && state.grantedOn == null) {
            state.grantedOn = LocalDate.now(clock);
        }
        state.updatedAt = clock.instant();
        if (first) {
            state.persist();
        }
        schedule.plan(state);
    }

    private static EntitlementState.Period period(EntitlementPeriod p) {
        if (!PersonId.isValid(p.getRecipientId())) {
            throw new RejectedEventException("Period recipient " + p.getRecipientId() + " is not a valid person id");
        }
        if (p.getAmountCents() < 0) {
            throw new RejectedEventException("Period amount " + p.getAmountCents() + " is negative");
        }
        LocalDate until = p.getUntilDate();
        if (until != null && until.isBefore(p.getFromDate())) {
            throw new RejectedEventException("Period ends " + until + " before it starts " + p.getFromDate());
        }
        return new EntitlementState.Period(p.getFromDate(), until, p.getAmountCents(), p.getRecipientId());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("Entitlement id " + id + " is not a UUID");
        }
    }
}
