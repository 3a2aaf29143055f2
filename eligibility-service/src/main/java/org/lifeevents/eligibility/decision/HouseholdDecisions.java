package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.EligibilityConfig;
import org.lifeevents.eligibility.cases.CaseworkerDecision;
import org.lifeevents.eligibility.cases.CaseworkerDecisions;
import org.lifeevents.eligibility.consent.IncomeAccessResolver;
import org.lifeevents.eligibility.facts.FactsLoader;
import org.lifeevents.eligibility.reevaluation.ReevaluationQueue;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.HouseholdEvaluator;
import org.lifeevents.eligibility.rules.HouseholdFacts;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;
import org.lifeevents.eligibility.rules.Missing;
import org.lifeevents.eligibility.ruleset.ParameterTable;

/**
 * Decides a household again after any input that touches it: under the household's lock, gathers its facts, resolves
 * the incomes the rules need under consent, evaluates, and reconciles the result with what is stored. Inside
 * {@link #onceEach(Runnable)} (a consumer's batch) the decisions wait for the end of the batch, so a household is
 * decided once however many of the batch's events touched it.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class HouseholdDecisions {

    @Inject
    HouseholdLock lock;

    @Inject
    FactsLoader facts;

    @Inject
    IncomeAccessResolver incomes;

    @Inject
    Reconciler reconciler;

    @Inject
    ReevaluationQueue queue;

    @Inject
    EligibilityConfig config;

    @Inject
    CaseworkerDecisions caseworkers;

    @Inject
    Clock clock;

    @Inject
    DueScopes due;

    @Inject
    EntityManager entityManager;

    /** Scopes whose facts are read together: a few thousand ids per statement at most. */
    static final int SCOPES_PER_READ = 500;

    private HouseholdEvaluator evaluator;

    @Inject
    void init(ParameterTable parameters) {
        this.evaluator = new HouseholdEvaluator(parameters);
    }

    /**
     * Runs the handling of a batch of inputs, then decides every scope they touched once, with all that touched it as
     * the trigger. The scopes are locked in one statement, in a fixed order, so two batches never deadlock.
     */
    public void onceEach(Runnable handling) {
        due.open();
        Map<String, List<Trigger>> touched;
        try {
            handling.run();
        } finally {
            touched = due.close();
        }
        lock.lockAll(touched.keySet());
        detachAll();
        Map<String, Trigger> triggers = new TreeMap<>();
        touched.forEach((scope, together) -> triggers.put(scope, Trigger.together(together)));
        decideLocked(triggers, true);
    }

    /**
     * Writes what is pending and empties the session: every query flushes the session first, checking each entity it
     * holds, so a poll's hundreds of households would otherwise make each query slower than the one before.
     */
    private void detachAll() {
        // clear() drops what is not yet written: the flush is what keeps this batch's decisions, not a workaround
        entityManager.flush();
        entityManager.clear();
    }

    /** Evaluates the scopes one after the other, locking them in a fixed order so two inputs never deadlock. */
    public void evaluate(Collection<String> scopes, Trigger trigger) {
        if (due.isOpen()) {
            due.add(scopes, trigger);
            return;
        }
        Set<String> ordered = new TreeSet<>(scopes);
        lock.lockAll(ordered);
        Map<String, Trigger> triggers = new TreeMap<>();
        ordered.forEach(scope -> triggers.put(scope, trigger));
        decideLocked(triggers, false);
    }

    public void evaluate(String scope, Trigger trigger) {
        evaluate(List.of(scope), trigger);
    }

    /**
     * Decides the locked scopes in order, reading what they rest on a chunk of scopes at a time (facts, incomes and
     * earlier reads, caseworkers' decisions) so a poll costs a fixed number of reads, not a few per household. Each
     * household is decided as if alone: its rules first, then the stored entitlements are reconciled one scope at a
     * time, as the reconciler changes them and a scope can take over another scope's entitlement.
     *
     * @param emptySession whether to empty the session after each scope (a poll's; the caller of a single decision
     *        may still hold entities)
     */
    private void decideLocked(Map<String, Trigger> triggers, boolean emptySession) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, String> ruledBy = new HashMap<>();
        List<String> scopes = List.copyOf(triggers.keySet());
        for (int from = 0; from < scopes.size(); from += SCOPES_PER_READ) {
            List<String> chunk = scopes.subList(from, Math.min(scopes.size(), from + SCOPES_PER_READ));
            Map<String, HouseholdFacts> known = facts.loadAll(chunk, today, now);
            Map<String, List<IncomeKey>> needs = new HashMap<>();
            known.forEach((scope, f) -> needs.put(scope, evaluator.incomeNeeds(f)));
            IncomeAccessResolver.Held held = incomes.held(needs.values().stream().flatMap(List::stream).toList());
            Map<String, List<DesiredEntitlement>> ruled = new LinkedHashMap<>();
            for (String scope : chunk) {
                HouseholdFacts f = withoutTakenOver(known.get(scope), ruledBy);
                List<IncomeKey> needed = f == known.get(scope) ? needs.get(scope) : evaluator.incomeNeeds(f);
                HouseholdFacts resolved = f.withIncome(incomes.resolve(needed, f.consents(), now, held));
                List<DesiredEntitlement> desired = evaluator.evaluate(resolved);
                desired.forEach(d -> ruledBy.put(d.key(), scope));
                ruled.put(scope, desired);
            }
            if (emptySession) {
                detachAll();
            }
            Map<String, CaseworkerDecision> caseworkerDecisions = caseworkers.decidedOn(
                    ruled.values().stream().flatMap(List::stream).map(DesiredEntitlement::key).toList());
            // A scope decided for the first time has nothing stored to read (a poll of new households and births is
            // mostly such), unless another scope of the chunk wants one of its keys and may write it first; what
            // earlier chunks wrote is already in the database.
            Set<String> withStored = emptySession ? Entitlement.scopesWithStored(ruled) : null;
            Map<String, Long> wantedByScopes = ruled.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(DesiredEntitlement::key, Collectors.counting()));
            ruled.forEach((scope, rules) -> {
                List<DesiredEntitlement> desired = caseworkers.apply(rules, caseworkerDecisions);
                boolean nothingStored = withStored != null && !withStored.contains(scope)
                        && desired.stream().allMatch(d -> wantedByScopes.getOrDefault(d.key(), 0L) <= 1);
                reconciler.reconcile(scope, desired, triggers.get(scope), nothingStored);
                if (desired.stream().anyMatch(d -> d.missingCodes().contains(Missing.CONSENT_CHECK))) {
                    queue.request(scope, "consent service unavailable", now.plus(config.reevaluation().consentCheckRetry()));
                }
                if (emptySession) {
                    detachAll();
                }
            });
        }
    }

    /**
     * The scope's facts without the confirmations of entitlements whose key the rules of an earlier scope of the same
     * decisions gave (by scope, {@code ruledBy}): its reconciliation takes them over, so read one scope after the
     * other they would no longer be this scope's.
     */
    private static HouseholdFacts withoutTakenOver(HouseholdFacts facts, Map<String, String> ruledBy) {
        List<HouseholdFacts.Confirmation> own = facts.confirmations().stream()
                .filter(c -> facts.scope().equals(ruledBy.getOrDefault(c.entitlementKey(), facts.scope())))
                .toList();
        if (own.size() == facts.confirmations().size()) {
            return facts;
        }
        return facts.withConfirmations(own);
    }
}
