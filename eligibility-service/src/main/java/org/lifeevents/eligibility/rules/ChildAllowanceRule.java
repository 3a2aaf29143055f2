package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * CHILD_ALLOWANCE: monthly per child of the household from the month of birth (or go-live) through the month of the
 * 16th birthday and the month of the child's death; the rate follows the child's place among the household's children
 * owed it that month, ordered by date of birth then order within a multiple birth. Granted automatically.
 */
final class ChildAllowanceRule {

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

    private Draft allowance(Evaluation ev, String childId, LocalDate birthDate) {
        Draft draft = new Draft(EntitlementKeys.childAllowance(childId, ev.facts.householdId()), Benefit.CHILD_ALLOWANCE);
        MonthlyRun run = new MonthlyRun();
        List<LocalDate> days = new ArrayList<>();
        YearMonth start = max(YearMonth.from(birthDate), ev.goLiveMonth);
        for (YearMonth month = start;; month = month.plusMonths(1)) {
            ParameterTable.Value ageLimit = ev.value(Parameters.CHILD_ALLOWANCE_AGE_LIMIT, month.atDay(1));
            if (month.isAfter(YearMonth.from(birthDate.plusYears(ageLimit.value())))) {
                break;
            }
            LocalDate day = Evaluation.referenceDay(birthDate, month);
            List<Member> owed = ev.owedChildAllowance(month, day);
            int position = position(owed, childId);
            if (position == 0) {
                continue;
            }
            draft.use(ageLimit);
            ParameterTable.Value higherFrom = draft
                    .use(ev.value(Parameters.CHILD_ALLOWANCE_HIGHER_RATE_FROM_POSITION, day));
            ParameterTable.Value rate = draft.use(ev.value(position >= higherFrom.value()
                    ? Parameters.CHILD_ALLOWANCE_THIRD_AND_FURTHER
                    : Parameters.CHILD_ALLOWANCE_FIRST_AND_SECOND, day));
            Optional<String> recipient = ev.monthlyRecipient(childId, month, day);
            Supplier<String> arithmetic = () -> "child no. " + position + " of " + owed.size()
                    + " owed child allowance in the household on " + day + " (by date of birth: "
                    + String.join(", ", owed.stream().map(m -> m.givenNames() + " " + m.birthDate()).toList()) + "), so "
                    + rate.name() + " " + Words.money(rate.value()) + recipient.map(r -> ", paid to " + r).orElse("");
            days.add(day);
            if (recipient.isPresent()) {
                run.owe(month, rate.value(), recipient.get(), rate.id(), arithmetic);
            } else {
                run.noRecipient(month);
            }
        }
        if (run.isEmpty()) {
            return null;
        }
        String child = ev.name(childId);
        draft.beneficiaryId = childId;
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = ev.timeline.birth(childId).map(HouseholdFacts.Birth::registrationId).orElse(null);
        draft.correlationId = ev.correlationFor(childId);
        draft.periods = run.periods();
        draft.spanFrom = run.first().atDay(1);
        draft.spanUntil = run.last().atEndOfMonth();
        draft.arithmetic.addAll(run.arithmetic());
        draft.parties.addAll(ev.timeline.parentsOf(childId));
        draft.parties.addAll(ev.timeline.guardiansOf(childId));
        ev.timeline.birth(childId).ifPresentOrElse(b -> ev.birthInputs(draft, b),
                () -> draft.input("child", childId + " born " + ev.timeline.birthDateOf(childId),
                        "population register (household " + ev.facts.householdId() + ")",
                        ev.timeline.firstSnapshotWith(childId).map(HouseholdFacts.Snapshot::receivedAt).orElse(null)));
        ev.householdInputs(draft, days);
        ev.recipientInputs(draft, childId);
        for (String recipient : run.recipients()) {
            draft.read(ev.householdRead(recipient, "household " + ev.facts.householdId()
                    + ": members, dates of birth and parents, for the child allowance of " + child));
        }
        long limit = ev.value(Parameters.CHILD_ALLOWANCE_AGE_LIMIT, draft.spanUntil).value();
        if (run.hasPayableMonths()) {
            draft.status = Status.GRANTED;
            draft.recipientId = draft.periods.get(0).recipientId();
            draft.citizenText = "Child allowance for " + child + ": " + Words.periods(draft.periods, ev::name)
                    + ". It is paid automatically, in arrears on the 10th of the following month, through the month "
                    + child + " turns " + limit + ". The amount follows " + child
                    + "'s place among the household's children owed child allowance, by date of birth"
                    + " (the 1st and 2nd child get the basic rate, each further child the higher rate)."
                    + handoverText(ev, childId);
        } else {
            draft.status = Status.PENDING;
            draft.citizenText = "Child allowance for " + child + " is owed from " + Words.month(run.first())
                    + ", but there is no living parent or guardian recorded to pay it to; a caseworker will look at it.";
        }
        if (!run.monthsWithoutRecipient().isEmpty()) {
            draft.missing(Missing.RECIPIENT, "No living parent or guardian is recorded for " + child + " for "
                    + Words.month(run.monthsWithoutRecipient().get(0)) + " and later months shown as missing.");
        }
        return draft;
    }

    static String handoverText(Evaluation ev, String childId) {
        StringBuilder text = new StringBuilder();
        for (HouseholdFacts.Handover handover : ev.handoversOf(childId)) {
            text.append(" From ").append(Words.month(handover.effectiveFrom())).append(" the monthly benefits are paid to ")
                    .append(ev.name(handover.toPersonId())).append(", because ").append(ev.name(handover.fromPersonId()))
                    .append(" handed them over on ").append(Words.day(handover.requestedAt()
                            .atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .append('.');
        }
        return text.toString();
    }

    static int position(List<Member> owed, String childId) {
        for (int i = 0; i < owed.size(); i++) {
            if (owed.get(i).personId().equals(childId)) {
                return i + 1;
            }
        }
        return 0;
    }

    static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
