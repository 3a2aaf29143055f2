package org.lifeevents.eligibility.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;
import org.lifeevents.eligibility.ruleset.ParameterTable;

/**
 * The engine as a pure function: from all facts of a household and the day, the complete set of entitlements the
 * reference ruleset says it should have, each with its periods, status and explanation. No I/O; the same facts always
 * give the same answer, which the reconciler compares with what is stored.
 */
public final class HouseholdEvaluator {

    /** Version of the formulas (code); raise it when a rule changes. Parameters carry their own version. */
    public static final String RULE_VERSION = "reference-ruleset/3";

    private final ParameterTable parameters;
    private final ParentalBenefitRule parental = new ParentalBenefitRule();

    public HouseholdEvaluator(ParameterTable parameters) {
        this.parameters = parameters;
    }

    /** The incomes the evaluation will use: each must be resolved under consent before {@link #evaluate}. */
    public List<IncomeKey> incomeNeeds(HouseholdFacts facts) {
        return parental.incomeNeeds(new Evaluation(facts, parameters));
    }

    /** Every entitlement the household's facts give, ordered by key. */
    public List<DesiredEntitlement> evaluate(HouseholdFacts facts) {
        Evaluation ev = new Evaluation(facts, parameters);
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(new BirthGrantRule().evaluate(ev));
        drafts.addAll(new ChildAllowanceRule().evaluate(ev));
        drafts.addAll(new SingleParentAllowanceRule().evaluate(ev));
        drafts.addAll(new LargeFamilyAllowanceRule().evaluate(ev));
        drafts.addAll(parental.evaluate(ev));
        drafts.addAll(new FuneralGrantRule().evaluate(ev));
        drafts.addAll(new SurvivorChildAllowanceRule().evaluate(ev));
        return drafts.stream()
                .map(d -> {
                    if (d.correlationId == null) {
                        d.correlationId = facts.snapshots().stream().map(HouseholdFacts.Snapshot::correlationId)
                                .findFirst().orElse(null);
                    }
                    return d.build(RULE_VERSION, parameters.version(), facts.today());
                })
                .sorted(Comparator.comparing(DesiredEntitlement::key))
                .toList();
    }
}
