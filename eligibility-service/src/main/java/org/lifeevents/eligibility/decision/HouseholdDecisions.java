package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * the incomes the rules need under consent, evaluates, and reconciles the result with what is stored.
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

    private HouseholdEvaluator evaluator;

    @Inject
    void init(ParameterTable parameters) {
        this.evaluator = new HouseholdEvaluator(parameters);
    }

    /** Evaluates the scopes one after the other, locking them in a fixed order so two inputs never deadlock. */
    public void evaluate(Collection<String> scopes, Trigger trigger) {
        for (String scope : new TreeSet<>(scopes)) {
            lock.lock(scope);
        }
        for (String scope : new TreeSet<>(scopes)) {
            evaluateLocked(scope, trigger);
        }
    }

    public Reconciler.Outcome evaluate(String scope, Trigger trigger) {
        lock.lock(scope);
        return evaluateLocked(scope, trigger);
    }

    private Reconciler.Outcome evaluateLocked(String scope, Trigger trigger) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        HouseholdFacts known = facts.load(scope, today, now);
        HouseholdFacts resolved = known.withIncome(incomes.resolve(evaluator.incomeNeeds(known), known.consents(), now));
        List<DesiredEntitlement> desired = caseworkers.apply(evaluator.evaluate(resolved));
        Reconciler.Outcome outcome = reconciler.reconcile(scope, desired, trigger);
        if (desired.stream().anyMatch(d -> d.missingCodes().contains(Missing.CONSENT_CHECK))) {
            queue.request(scope, "consent service unavailable", now.plus(config.reevaluation().consentCheckRetry()));
        }
        return outcome;
    }
}
