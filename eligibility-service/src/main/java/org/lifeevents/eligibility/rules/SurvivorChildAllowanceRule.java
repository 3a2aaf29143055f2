package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.MinorChild;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * SURVIVOR_CHILD_ALLOWANCE: monthly per child of the deceased who was under 18 on the date of death, from the month
 * after the month of death through the month the child turns 18 (and the month of the child's own death), to the
 * child's surviving legal parent, else a guardian. Granted automatically; nobody to pay leaves it pending.
 */
final class SurvivorChildAllowanceRule {

    List<Draft> evaluate(Evaluation ev) {
        List<Draft> drafts = new ArrayList<>();
        for (Death death : ev.facts.deaths()) {
            if (death.revoked() || !Objects.equals(death.householdId(), ev.facts.householdId())
                    || death.dateOfDeath() == null) {
                continue;
            }
            for (MinorChild child : children(ev, death)) {
                Draft draft = allowance(ev, death, child);
                if (draft != null) {
                    drafts.add(draft);
                }
            }
        }
        return drafts;
    }

    /** The deceased's children as the death record lists them, and any the household's register entries add. */
    static List<MinorChild> children(Evaluation ev, Death death) {
        Map<String, MinorChild> children = new LinkedHashMap<>();
        death.minorChildren().forEach(c -> children.put(c.childId(), c));
        for (Member member : ev.timeline.people().values()) {
            if (member.legalParentIds().contains(death.personId()) && !children.containsKey(member.personId())) {
                List<String> surviving = member.legalParentIds().stream().filter(p -> !p.equals(death.personId())).toList();
                children.put(member.personId(), new MinorChild(member.personId(), member.birthDate(),
                        ev.facts.householdId(), surviving, member.guardianIds()));
            }
        }
        return List.copyOf(children.values());
    }

    private Draft allowance(Evaluation ev, Death death, MinorChild child) {
        LocalDate birthDate = child.birthDate() != null ? child.birthDate() : ev.timeline.birthDateOf(child.childId());
        if (birthDate == null) {
            return null;
        }
        Draft draft = new Draft(EntitlementKeys.survivorChildAllowance(child.childId(), death.personId()),
                Benefit.SURVIVOR_CHILD_ALLOWANCE);
        ParameterTable.Value limitOnDeath = draft
                .use(ev.value(Parameters.SURVIVOR_CHILD_ALLOWANCE_AGE_LIMIT, death.dateOfDeath()));
        if (!birthDate.plusYears(limitOnDeath.value()).isAfter(death.dateOfDeath())) {
            return null;
        }
        Set<String> parents = new LinkedHashSet<>(child.survivingParentIds());
        parents.addAll(ev.timeline.parentsOf(child.childId()));
        parents.remove(death.personId());
        Set<String> guardians = new LinkedHashSet<>(child.guardianIds());
        guardians.addAll(ev.timeline.guardiansOf(child.childId()));
        MonthlyRun run = new MonthlyRun();
        YearMonth start = ChildAllowanceRule.max(YearMonth.from(death.dateOfDeath()).plusMonths(1), ev.goLiveMonth);
        for (YearMonth month = start;; month = month.plusMonths(1)) {
            ParameterTable.Value limit = ev.value(Parameters.SURVIVOR_CHILD_ALLOWANCE_AGE_LIMIT, month.atDay(1));
            if (month.isAfter(YearMonth.from(birthDate.plusYears(limit.value())))
                    || !ev.timeline.aliveAtStartOf(child.childId(), month)) {
                break;
            }
            ParameterTable.Value amount = draft.use(ev.value(Parameters.SURVIVOR_CHILD_ALLOWANCE, month.atDay(1)));
            YearMonth m = month;
            Optional<String> recipient = parents.stream().filter(p -> ev.timeline.aliveAtStartOf(p, m)).findFirst()
                    .or(() -> guardians.stream().filter(g -> ev.timeline.aliveAtStartOf(g, m)).findFirst());
            if (recipient.isPresent()) {
                String to = recipient.get();
                run.owe(month, amount.value(), to, amount.id(), () -> Words.money(amount.value()) + " to " + to
                        + ", the surviving " + (parents.contains(to) ? "parent" : "guardian"));
            } else {
                run.noRecipient(month);
            }
        }
        if (run.isEmpty()) {
            return null;
        }
        String name = ev.name(child.childId());
        String deceased = ev.name(death.personId());
        String source = "civil registry (death registration " + death.registrationId() + ")";
        draft.beneficiaryId = child.childId();
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = death.registrationId();
        draft.correlationId = death.correlationId();
        draft.periods = run.periods();
        draft.spanFrom = run.first().atDay(1);
        draft.spanUntil = run.last().atEndOfMonth();
        draft.arithmetic.add(name + " was born on " + birthDate + ", under " + limitOnDeath.value() + " on "
                + death.dateOfDeath() + "; owed from the month after the death through the month " + name + " turns "
                + limitOnDeath.value());
        draft.arithmetic.addAll(run.arithmetic());
        draft.parties.addAll(parents);
        draft.parties.addAll(guardians);
        draft.input("deceased", death.personId(), source, death.registeredAt());
        draft.input("dateOfDeath", death.dateOfDeath().toString(), source, death.registeredAt());
        draft.input("child", child.childId() + " born " + birthDate, source, death.registeredAt());
        draft.input("survivingParents", String.join(", ", parents), source, death.registeredAt());
        if (!guardians.isEmpty()) {
            draft.input("guardians", String.join(", ", guardians), source, death.registeredAt());
        }
        for (String recipient : run.recipients()) {
            draft.read(ev.householdRead(recipient, "the children and surviving parents of " + deceased
                    + ", for the survivor's child allowance of " + name));
        }
        if (run.hasPayableMonths()) {
            draft.status = Status.GRANTED;
            draft.recipientId = draft.periods.get(0).recipientId();
            draft.citizenText = "Survivor's child allowance for " + name + ": " + Words.periods(draft.periods, ev::name)
                    + ", because " + name + "'s parent " + deceased + " died on " + Words.day(death.dateOfDeath())
                    + ". It is paid automatically, in arrears on the 10th of the following month, through the month "
                    + name + " turns " + limitOnDeath.value() + ".";
        } else {
            draft.status = Status.PENDING;
            draft.citizenText = "Survivor's child allowance is owed for " + name + " from " + Words.month(run.first())
                    + ", but no surviving parent or guardian is recorded to receive it; a caseworker will look at it.";
        }
        if (!run.monthsWithoutRecipient().isEmpty()) {
            draft.missing(Missing.RECIPIENT, "No surviving parent or guardian is recorded for " + name + " from "
                    + Words.month(run.monthsWithoutRecipient().get(0)) + ".");
        }
        return draft;
    }
}
