package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.lifeevents.eligibility.rules.Benefit;
import org.lifeevents.eligibility.rules.DataRead;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.HouseholdEvaluator;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.eligibility.rules.Status;
import org.lifeevents.eligibility.ruleset.ParameterTable;

/**
 * Makes the stored entitlements of a scope equal to what the rules say, writing a decision and an event only for what
 * changed: a new entitlement is decided, a changed one changed, one the rules no longer give stopped. Data reads are
 * announced once per decision that rests on them.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    @Inject
    EntitlementEvents events;

    @Inject
    DataAccessEvents dataAccess;

    @Inject
    ParameterTable parameters;

    @Inject
    Event<EntitlementReconciled> reconciled;

    @Inject
    Clock clock;

    @Inject
    Causes causes;

    /** Counts of what the reconciliation wrote. */
    public record Outcome(int decided, int changed, int stopped, int unchanged) {
    }

    public Outcome reconcile(String scope, List<DesiredEntitlement> desired, Trigger trigger) {
        return reconcile(scope, desired, trigger, false);
    }

    /**
     * @param nothingStored the caller knows that no entitlement is stored for the scope or under a key it wants (a
     *        household decided for the first time), so there is nothing to read
     */
    public Outcome reconcile(String scope, List<DesiredEntitlement> desired, Trigger trigger, boolean nothingStored) {
        Map<String, DesiredEntitlement> wanted = new LinkedHashMap<>();
        desired.forEach(d -> wanted.put(d.key(), d));
        Map<String, Entitlement> stored = new LinkedHashMap<>();
        if (!nothingStored) {
            Entitlement.ofScope(scope, wanted.keySet()).forEach(e -> stored.put(e.entitlementKey, e));
        }
        int decided = 0;
        int changed = 0;
        int stopped = 0;
        int unchanged = 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (DesiredEntitlement want : wanted.values()) {
            Entitlement have = stored.remove(want.key());
            if (have == null) {
                create(scope, want, trigger, now);
                decided++;
            } else if (Status.STOPPED.name().equals(have.status) || !sameOutcome(want, have)) {
                change(scope, have, want, trigger, now);
                changed++;
            } else {
                keep(scope, have, want);
                unchanged++;
            }
        }
        for (Entitlement gone : stored.values()) {
            if (gone.scope.equals(scope) && !Status.STOPPED.name().equals(gone.status)) {
                stop(gone, trigger, now);
                stopped++;
            }
        }
        if (decided + changed + stopped > 0) {
            LOG.infof("Scope %s after %s: %d decided, %d changed, %d stopped, %d unchanged", scope,
                    trigger.description(), decided, changed, stopped, unchanged);
        }
        return new Outcome(decided, changed, stopped, unchanged);
    }

    private void create(String scope, DesiredEntitlement want, Trigger trigger, Instant now) {
        Entitlement entitlement = new Entitlement();
        entitlement.entitlementId = Entitlement.idFor(want.key());
        entitlement.entitlementKey = want.key();
        entitlement.benefit = want.benefit().name();
        entitlement.monthly = want.benefit().monthly();
        entitlement.correlationId = want.correlationId() != null ? want.correlationId() : trigger.correlationId();
        entitlement.version = 1;
        entitlement.createdAt = now;
        apply(entitlement, scope, want, now);
        Decision decision = decision(entitlement, want, null, "DECIDED", trigger, now);
        entitlement.decisionId = decision.decisionId;
        decision.persist();
        entitlement.persist();
        events.decided(entitlement, decision);
        announce(want.dataReads(), decision.decisionId, entitlement.correlationId, true);
        reconciled.fire(new EntitlementReconciled(entitlement, decision, null, trigger));
    }

    private void change(String scope, Entitlement have, DesiredEntitlement want, Trigger trigger, Instant now) {
        String reason = changeReason(have, want);
        // A change the facts forced on the one paid so far (a death, a revocation, a correction, a caseworker) says so,
        // whichever event came first; the reason code says what changed, the cause why.
        Causes.Cause cause = CAUSED_BY_FACTS.contains(reason) ? causes.of(have, have.recipientId, null) : null;
        Decision previous = have.decisionId == null ? null : Decision.findById(have.decisionId);
        String previousStatus = have.status;
        have.version++;
        apply(have, scope, want, now);
        if (cause != null && !Causes.NO_LONGER_OWED.equals(cause.code())) {
            have.citizenText = want.citizenText() + " This changed because " + cause.words() + ".";
        }
        Decision decision = decision(have, want, previous, reason, trigger, now);
        have.decisionId = decision.decisionId;
        decision.persist();
        events.changed(have, decision);
        announce(want.dataReads(), decision.decisionId, have.correlationId, true);
        reconciled.fire(new EntitlementReconciled(have, decision, previousStatus, trigger));
    }

    /**
     * Nothing material changed: no decision, no event; only who may see it, where it came from and fresh reads are
     * brought up to date.
     */
    private void keep(String scope, Entitlement have, DesiredEntitlement want) {
        have.scope = scope;
        have.householdId = want.householdId();
        have.sourceRegistrationId = want.sourceRegistrationId();
        have.parties = parties(want);
        announce(want.dataReads(), have.decisionId, have.correlationId, false);
    }

    private void stop(Entitlement gone, Trigger trigger, Instant now) {
        Decision previous = gone.decisionId == null ? null : Decision.findById(gone.decisionId);
        String previousStatus = gone.status;
        gone.version++;
        gone.status = Status.STOPPED.name();
        gone.periods = List.of();
        gone.missing = List.of();
        gone.updatedAt = now;
        // the cause from the facts as they stand, not from whichever event started this evaluation
        Causes.Cause cause = causes.of(gone, gone.recipientId, null);
        gone.citizenText = "The " + Benefit.valueOf(gone.benefit).words() + " is no longer owed: " + cause.words()
                + ". Nothing is owed under it.";
        Decision decision = new Decision();
        decision.decisionId = UUID.randomUUID();
        decision.entitlementId = gone.entitlementId;
        decision.entitlementKey = gone.entitlementKey;
        decision.version = gone.version;
        decision.benefit = gone.benefit;
        decision.outcome = gone.status;
        decision.recipientId = gone.recipientId;
        decision.beneficiaryId = gone.beneficiaryId;
        decision.householdId = gone.householdId;
        decision.periods = List.of();
        decision.periodFrom = gone.spanFrom;
        decision.periodUntil = gone.spanUntil;
        decision.missing = List.of();
        decision.citizenText = gone.citizenText;
        decision.legalReference = gone.legalReference;
        decision.ruleVersion = HouseholdEvaluator.RULE_VERSION;
        decision.parameterVersion = parameters.version();
        decision.changeReason = cause.code();
        decision.trigger = trigger.description();
        decision.correlationId = gone.correlationId;
        decision.decidedAt = now;
        decision.explanation = new Explanation(gone.benefit, gone.status, decision.ruleVersion, decision.parameterVersion,
                gone.legalReference, List.of(new Explanation.Input("cause", cause.code() + ": " + cause.words(),
                        "eligibility service", now),
                        new Explanation.Input("trigger", trigger.description(),
                                "eligibility service", now)),
                List.of(), null, List.of("the rules no longer give this entitlement: nothing is owed under it"),
                gone.citizenText, List.of(), LocalDate.ofInstant(now, clock.getZone()));
        decision.previousHash = previous == null ? null : previous.hash;
        decision.hash = DecisionHash.of(decision);
        gone.decisionId = decision.decisionId;
        decision.persist();
        events.stopped(gone, decision, null);
        reconciled.fire(new EntitlementReconciled(gone, decision, previousStatus, trigger));
    }

    private void apply(Entitlement entitlement, String scope, DesiredEntitlement want, Instant now) {
        entitlement.scope = scope;
        entitlement.status = want.status().name();
        entitlement.recipientId = want.recipientId();
        entitlement.beneficiaryId = want.beneficiaryId();
        entitlement.householdId = want.householdId();
        entitlement.sourceRegistrationId = want.sourceRegistrationId();
        entitlement.periods = want.periods();
        entitlement.spanFrom = want.spanFrom();
        entitlement.spanUntil = want.spanUntil();
        entitlement.missing = want.missing();
        entitlement.parties = parties(want);
        entitlement.legalReference = legalReference(want);
        entitlement.citizenText = want.citizenText();
        entitlement.updatedAt = now;
    }

    private Decision decision(Entitlement entitlement, DesiredEntitlement want, Decision previous, String reason,
            Trigger trigger, Instant now) {
        Decision decision = new Decision();
        decision.decisionId = UUID.randomUUID();
        decision.entitlementId = entitlement.entitlementId;
        decision.entitlementKey = entitlement.entitlementKey;
        decision.version = entitlement.version;
        decision.benefit = entitlement.benefit;
        decision.outcome = entitlement.status;
        decision.recipientId = entitlement.recipientId;
        decision.beneficiaryId = entitlement.beneficiaryId;
        decision.householdId = entitlement.householdId;
        decision.periods = want.periods();
        decision.amountCents = want.periods().isEmpty() ? null : want.periods().get(0).amountCents();
        decision.periodFrom = want.spanFrom();
        decision.periodUntil = want.spanUntil();
        decision.missing = want.missing();
        decision.explanation = want.explanation();
        decision.consentId = want.explanation().consentId();
        decision.citizenText = entitlement.citizenText;
        decision.legalReference = entitlement.legalReference;
        decision.ruleVersion = want.explanation().ruleVersion();
        decision.parameterVersion = want.explanation().parameterVersion();
        decision.changeReason = reason;
        decision.trigger = trigger.description();
        decision.correlationId = entitlement.correlationId;
        decision.decidedAt = now;
        decision.previousHash = previous == null ? null : previous.hash;
        decision.hash = DecisionHash.of(decision);
        return decision;
    }

    private void announce(List<DataRead> reads, UUID decisionId, String correlationId, boolean newDecision) {
        for (DataRead read : reads) {
            if (newDecision || read.fresh()) {
                dataAccess.accessed(read, decisionId, correlationId);
            }
        }
    }

    static boolean sameOutcome(DesiredEntitlement want, Entitlement have) {
        return want.sameOutcomeAs(Status.valueOf(have.status), have.recipientId, trim(have.beneficiaryId),
                have.periods == null ? List.of() : have.periods, have.missingCodes(), have.spanFrom, have.spanUntil);
    }

    /** The changes of what is owed to whom that a fact about the family, not the citizen's own step, brings about. */
    private static final Set<String> CAUSED_BY_FACTS = Set.of("RECIPIENT_CHANGED", "AMOUNT_CHANGED", "PERIODS_CHANGED",
            "STATUS_CHANGED", "REFUSED");

    /** Why the entitlement changed, in the contract's words. */
    static String changeReason(Entitlement have, DesiredEntitlement want) {
        Status before = Status.valueOf(have.status);
        Status after = want.status();
        if (before == Status.STOPPED) {
            return "REINSTATED";
        }
        if (before == Status.OFFERED && after == Status.GRANTED) {
            return "CONFIRMED";
        }
        if (before == Status.PENDING && (after == Status.OFFERED || after == Status.GRANTED)) {
            return "DATA_ARRIVED";
        }
        if (after == Status.REFUSED) {
            return want.benefit() == Benefit.PARENTAL_BENEFIT ? "TAKEN_BY_OTHER_PARENT" : "REFUSED";
        }
        if (before != after) {
            return after == Status.PENDING ? "WAITING_FOR_DATA" : "STATUS_CHANGED";
        }
        List<Period> old = have.periods == null ? List.of() : have.periods;
        if (!recipients(old).equals(recipients(want.periods())) || !Objects.equals(have.recipientId, want.recipientId())) {
            return "RECIPIENT_CHANGED";
        }
        if (old.size() == want.periods().size() && !old.isEmpty()
                && old.get(0).fromDate().equals(want.periods().get(0).fromDate())
                && old.get(old.size() - 1).untilDate().equals(want.periods().get(want.periods().size() - 1).untilDate())) {
            return "AMOUNT_CHANGED";
        }
        if (!old.equals(want.periods())) {
            return "PERIODS_CHANGED";
        }
        return "DATA_CHANGED";
    }

    private static Set<String> recipients(List<Period> periods) {
        Set<String> recipients = new HashSet<>();
        periods.forEach(p -> recipients.add(p.recipientId()));
        return recipients;
    }

    private static String[] parties(DesiredEntitlement want) {
        return new TreeSet<>(want.parties()).toArray(String[]::new);
    }

    private static String legalReference(DesiredEntitlement want) {
        return want.legalReference() == null || want.legalReference().isBlank() ? "Life-Event Benefits Act"
                : want.legalReference();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
