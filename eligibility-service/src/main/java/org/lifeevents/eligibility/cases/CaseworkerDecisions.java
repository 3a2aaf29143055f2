package org.lifeevents.eligibility.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.Explanation;
import org.lifeevents.eligibility.rules.Period;
import org.lifeevents.eligibility.rules.Status;

/**
 * Applies what caseworkers decided on top of what the rules say, at every evaluation, so a later input does not undo
 * a human decision silently: a grant makes the computed periods owed, a refusal owes nothing, an amount replaces the
 * amount of every period. The explanation names the caseworker, the case and the written reason.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CaseworkerDecisions {

    public List<DesiredEntitlement> apply(List<DesiredEntitlement> desired) {
        return apply(desired, decidedOn(desired.stream().map(DesiredEntitlement::key).toList()));
    }

    /** As {@link #apply(List)}, with the caseworkers' decisions read beforehand for a whole poll. */
    public List<DesiredEntitlement> apply(List<DesiredEntitlement> desired, Map<String, CaseworkerDecision> decided) {
        if (decided.isEmpty()) {
            return desired;
        }
        return desired.stream().map(d -> decided.containsKey(d.key()) ? applied(d, decided.get(d.key())) : d).toList();
    }

    /** The caseworkers' decisions on these entitlements, by entitlement key, in one statement. */
    public Map<String, CaseworkerDecision> decidedOn(Collection<String> entitlementKeys) {
        if (entitlementKeys.isEmpty()) {
            return Map.of();
        }
        return CaseworkerDecision.<CaseworkerDecision> list("entitlementKey in ?1", entitlementKeys).stream()
                .collect(Collectors.toMap(d -> d.entitlementKey, Function.identity()));
    }

    static DesiredEntitlement applied(DesiredEntitlement d, CaseworkerDecision decision) {
        Status status;
        List<Period> periods;
        String what;
        switch (decision.kind) {
            case CaseworkerDecision.REFUSE -> {
                status = Status.REFUSED;
                periods = List.of();
                what = "refused it";
            }
            case CaseworkerDecision.AMOUNT -> {
                status = d.periods().isEmpty() ? d.status() : Status.GRANTED;
                periods = d.periods().stream().map(p -> new Period(p.fromDate(), p.untilDate(), decision.amountCents,
                        p.recipientId(), "CASEWORKER_OVERRIDE@" + decision.caseId)).toList();
                what = "set the amount to " + Cents.format(decision.amountCents)
                        + (d.periods().isEmpty() ? "" : d.periods().size() == 1 ? "" : " for every period");
            }
            default -> {
                status = d.periods().isEmpty() ? d.status() : Status.GRANTED;
                periods = d.periods();
                what = "granted it as computed";
            }
        }
        String words = "A caseworker (" + decision.decidedBy
                + (decision.secondApprover == null ? "" : ", approved by " + decision.secondApprover) + ") " + what
                + " in case " + decision.caseId + ": " + decision.reason;
        Explanation e = d.explanation();
        List<Explanation.Input> inputs = new ArrayList<>(e.inputs());
        inputs.add(new Explanation.Input("caseworker decision", decision.kind + (decision.amountCents == null ? ""
                : " " + decision.amountCents) + " (case " + decision.caseId + ")", "caseworker " + decision.decidedBy,
                decision.decidedAt));
        List<String> arithmetic = new ArrayList<>(e.arithmetic() == null ? List.of() : e.arithmetic());
        arithmetic.add(words);
        String citizenText = (d.citizenText() == null ? "" : d.citizenText() + " ") + words;
        List<org.lifeevents.eligibility.rules.Missing> missing = status == Status.GRANTED || status == Status.REFUSED
                ? List.of()
                : d.missing();
        Explanation explained = new Explanation(e.benefit(), status.name(), e.ruleVersion(), e.parameterVersion(),
                e.legalReference(), inputs, e.parameters(), e.consentId(), arithmetic, citizenText, missing,
                e.evaluatedOn());
        return new DesiredEntitlement(d.key(), d.benefit(), status, d.recipientId(), d.beneficiaryId(), d.householdId(),
                d.sourceRegistrationId(), periods, d.spanFrom(), d.spanUntil(), missing, d.legalReference(),
                d.correlationId(), citizenText, explained, d.dataReads(), d.parties());
    }
}
