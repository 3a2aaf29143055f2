package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * SINGLE_PARENT_ALLOWANCE: monthly per child owed child allowance whose birth record names one parent only, for the
 * months the child lives in that parent's household; paid to that parent. Granted automatically.
 */
final class SingleParentAllowanceRule {

    List<Draft> evaluate(Evaluation ev) {
        List<Draft> drafts = new ArrayList<>();
        for (String childId : ev.timeline.knownPeople()) {
            LocalDate birthDate = ev.timeline.birthDateOf(childId);
            if (birthDate == null || ev.timeline.isRevokedBirth(childId)) {
                continue;
            }
            Draft draft = allowance(ev, childId, birthDate);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        return drafts;
    }

    /**
     * The one parent the birth record in force on the day names (the population register's parents when there is no
     * birth record): a father added by a formal correction counts from the correction's date.
     */
    static Optional<String> singleParent(Evaluation ev, String childId, LocalDate day) {
        Optional<Birth> birth = ev.timeline.birth(childId).map(b -> b.on(day));
        if (birth.isPresent()) {
            return birth.get().namedParents() == 1 && birth.get().parentIds().size() == 1
                    ? Optional.of(birth.get().parentIds().get(0))
                    : Optional.empty();
        }
        List<String> parents = ev.timeline.parentsOf(childId);
        return parents.size() == 1 ? Optional.of(parents.get(0)) : Optional.empty();
    }

    private Draft allowance(Evaluation ev, String childId, LocalDate birthDate) {
        Draft draft = new Draft(EntitlementKeys.singleParentAllowance(childId, ev.facts.householdId()),
                Benefit.SINGLE_PARENT_ALLOWANCE);
        MonthlyRun run = new MonthlyRun();
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth month = ChildAllowanceRule.max(YearMonth.from(birthDate), ev.goLiveMonth);; month = month
                .plusMonths(1)) {
            ParameterTable.Value ageLimit = ev.value(Parameters.CHILD_ALLOWANCE_AGE_LIMIT, month.atDay(1));
            if (month.isAfter(YearMonth.from(birthDate.plusYears(ageLimit.value())))) {
                break;
            }
            LocalDate day = Evaluation.referenceDay(birthDate, month);
            List<Member> owed = ev.owedChildAllowance(month, day);
            Optional<String> single = singleParent(ev, childId, day);
            if (single.isEmpty()) {
                continue;
            }
            String parent = single.get();
            if (ChildAllowanceRule.position(owed, childId) == 0 || !ev.timeline.isMemberOn(parent, day)
                    || !ev.timeline.aliveAtStartOf(parent, month)) {
                continue;
            }
            ParameterTable.Value rate = draft.use(ev.value(Parameters.SINGLE_PARENT_ALLOWANCE, day));
            days.add(day);
            run.owe(month, rate.value(), parent, rate.id(), () -> ev.name(childId)
                    + " is owed child allowance and lives with " + parent + ", the only parent on the birth record, on "
                    + day + ", so " + Words.money(rate.value()));
        }
        if (run.isEmpty()) {
            return null;
        }
        String child = ev.name(childId);
        String parent = run.recipients().get(0);
        draft.status = Status.GRANTED;
        draft.recipientId = parent;
        draft.beneficiaryId = childId;
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = ev.timeline.birth(childId).map(Birth::registrationId).orElse(null);
        draft.correlationId = ev.correlationFor(childId);
        draft.periods = run.periods();
        draft.spanFrom = run.first().atDay(1);
        draft.spanUntil = run.last().atEndOfMonth();
        draft.arithmetic.addAll(run.arithmetic());
        draft.parties.add(parent);
        draft.parties.addAll(ev.timeline.guardiansOf(childId));
        ev.timeline.birth(childId).ifPresentOrElse(b -> ev.birthInputs(draft, b),
                () -> draft.input("legalParents", String.join(", ", ev.timeline.parentsOf(childId)),
                        "population register (household " + ev.facts.householdId() + ")",
                        ev.timeline.firstSnapshotWith(childId).map(HouseholdFacts.Snapshot::receivedAt).orElse(null)));
        ev.householdInputs(draft, days);
        draft.read(ev.householdRead(parent, "household " + ev.facts.householdId()
                + ": whether " + child + " lives with the parent, for the single-parent allowance"));
        draft.citizenText = "Single-parent allowance for " + child + ": " + Words.periods(draft.periods, ev::name)
                + ", because " + child + "'s birth record names one parent only and " + child
                + " lives in that parent's household. It is paid automatically, in arrears on the 10th of the following"
                + " month, for as long as " + child + " is owed child allowance.";
        return draft;
    }
}
