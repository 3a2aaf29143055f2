package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.EligibilityConfig;
import org.lifeevents.eligibility.cases.CaseworkerDecisions;
import org.lifeevents.eligibility.consent.IncomeAccessResolver;
import org.lifeevents.eligibility.facts.FactsLoader;
import org.lifeevents.eligibility.reevaluation.ReevaluationQueue;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.HouseholdEvaluator;
import org.lifeevents.eligibility.rules.HouseholdFacts;
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
        touched.forEach((scope, triggers) -> {
            evaluateLocked(scope, Trigger.together(triggers));
            detachAll();
        });
    }

    /**
     * Writes what is pending and empties the session: every query flushes the session first, checking each entity it
     * holds, so a poll's hundreds of households would otherwise make each query slower than the one before.
     */
    private void detachAll() {
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
        for (String scope : ordered) {
            evaluateLocked(scope, trigger);
        }
    }

    public void evaluate(String scope, Trigger trigger) {
        evaluate(List.of(scope), trigger);
    }

    private void evaluateLocked(String scope, Trigger trigger) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        HouseholdFacts known = facts.load(scope, today, now);
        HouseholdFacts resolved = known.withIncome(incomes.resolve(evaluator.incomeNeeds(known), known.consents(), now));
        List<DesiredEntitlement> desired = caseworkers.apply(evaluator.evaluate(resolved));
        reconciler.reconcile(scope, desired, trigger);
        if (desired.stream().anyMatch(d -> d.missingCodes().contains(Missing.CONSENT_CHECK))) {
            queue.request(scope, "consent service unavailable", now.plus(config.reevaluation().consentCheckRetry()));
        }
    }
}
