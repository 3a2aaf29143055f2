package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * LARGE_FAMILY_ALLOWANCE: monthly per household while enough of its children are owed child allowance (the higher
 * amount from the higher count). Counted on the 1st of the month; a birth that brings the household to the count
 * starts it in the month of birth, counted on the birth date; a change of amount applies from the next month. Paid to
 * whoever receives the eldest counted child's monthly benefits.
 */
final class LargeFamilyAllowanceRule {

    List<Draft> evaluate(Evaluation ev) {
        if (ev.facts.householdId() == null || ev.timeline.snapshots().isEmpty()) {
            return List.of();
        }
        Draft draft = new Draft(EntitlementKeys.largeFamilyAllowance(ev.facts.householdId()),
                Benefit.LARGE_FAMILY_ALLOWANCE);
        MonthlyRun run = new MonthlyRun();
        List<LocalDate> days = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        String correlationId = null;
        YearMonth last = lastPossibleMonth(ev);
        for (YearMonth month = ev.goLiveMonth; !month.isAfter(last); month = month.plusMonths(1)) {
            Optional<LocalDate> day = countingDay(ev, month);
            if (day.isEmpty()) {
                continue;
            }
            List<Member> owed = ev.owedChildAllowance(month, day.get());
            ParameterTable.Value minimum = draft.use(ev.value(Parameters.LARGE_FAMILY_MIN_CHILDREN, day.get()));
            ParameterTable.Value higherMinimum = draft
                    .use(ev.value(Parameters.LARGE_FAMILY_HIGHER_MIN_CHILDREN, day.get()));
            ParameterTable.Value amount = draft.use(ev.value(owed.size() >= higherMinimum.value()
                    ? Parameters.LARGE_FAMILY_ALLOWANCE_HIGHER
                    : Parameters.LARGE_FAMILY_ALLOWANCE, day.get()));
            Member eldest = owed.get(0);
            Optional<String> recipient = ev.monthlyRecipient(eldest.personId(), month,
                    Evaluation.referenceDay(eldest.birthDate(), month));
            days.add(day.get());
            owed.forEach(m -> {
                if (!counted.contains(m.personId())) {
                    counted.add(m.personId());
                }
            });
            if (correlationId == null) {
                correlationId = startedBy(ev, month, day.get());
            }
            Supplier<String> arithmetic = () -> owed.size() + " children owed child allowance on " + day.get() + " (at least "
                    + minimum.value() + "; " + higherMinimum.value() + " or more get the higher amount), so "
                    + amount.name() + " " + Words.money(amount.value())
                    + recipient.map(r -> ", paid to " + r + " (who receives the eldest child's benefits)").orElse("");
            if (recipient.isPresent()) {
                run.owe(month, amount.value(), recipient.get(), amount.id(), arithmetic);
            } else {
                run.noRecipient(month);
            }
        }
        if (run.isEmpty()) {
            return List.of();
        }
        draft.householdId = ev.facts.householdId();
        draft.correlationId = correlationId;
        draft.periods = run.periods();
        draft.spanFrom = run.first().atDay(1);
        draft.spanUntil = run.last().atEndOfMonth();
        draft.arithmetic.addAll(run.arithmetic());
        counted.forEach(c -> draft.parties.addAll(ev.timeline.parentsOf(c)));
        ev.householdInputs(draft, days);
        for (String recipient : run.recipients()) {
            draft.read(ev.householdRead(recipient, "household " + ev.facts.householdId()
                    + ": members and dates of birth, to count the children for the large-family allowance"));
        }
        if (run.hasPayableMonths()) {
            draft.status = Status.GRANTED;
            draft.recipientId = draft.periods.get(0).recipientId();
            draft.citizenText = "Large-family allowance for your household: " + Words.periods(draft.periods, ev::name)
                    + ", because at least 3 of the household's children are owed child allowance (7 or more get the "
                    + "higher amount). It is paid automatically, in arrears on the 10th of the following month, to "
                    + "whoever receives the eldest child's monthly benefits.";
        } else {
            draft.status = Status.PENDING;
            draft.citizenText = "Large-family allowance is owed to the household from " + Words.month(run.first())
                    + ", but there is nobody recorded to pay it to; a caseworker will look at it.";
        }
        if (!run.monthsWithoutRecipient().isEmpty()) {
            draft.missing(Missing.RECIPIENT, "No living parent or guardian is recorded to receive the large-family "
                    + "allowance for " + Words.month(run.monthsWithoutRecipient().get(0)) + ".");
        }
        return List.of(draft);
    }

    /**
     * The day whose situation counts for the month: the 1st when the household is large then; else the first birth
     * date in the month that brings it to the count; empty when neither.
     */
    static Optional<LocalDate> countingDay(Evaluation ev, YearMonth month) {
        LocalDate first = month.atDay(1);
        if (ev.owedChildAllowance(month, first).size() >= ev.value(Parameters.LARGE_FAMILY_MIN_CHILDREN, first).value()) {
            return Optional.of(first);
        }
        return ev.timeline.knownPeople().stream()
                .map(ev.timeline::birthDateOf)
                .filter(d -> d != null && YearMonth.from(d).equals(month) && !d.equals(first))
                .distinct()
                .sorted()
                .filter(d -> ev.owedChildAllowance(month, d).size() >= ev.value(Parameters.LARGE_FAMILY_MIN_CHILDREN, d)
                        .value())
                .findFirst();
    }

    /** The birth that brought the household to the count, else the household state it was first owed on. */
    private static String startedBy(Evaluation ev, YearMonth month, LocalDate day) {
        if (!day.equals(month.atDay(1))) {
            return ev.owedChildAllowance(month, day).stream()
                    .filter(m -> m.birthDate().equals(day))
                    .map(m -> ev.correlationFor(m.personId()))
                    .filter(c -> c != null)
                    .findFirst()
                    .orElse(null);
        }
        return ev.timeline.snapshotOn(day).map(Snapshot::correlationId).orElse(null);
    }

    /** No child of the household can be owed child allowance after the youngest's 16th birthday (plus a margin). */
    private static YearMonth lastPossibleMonth(Evaluation ev) {
        long limit = ev.value(Parameters.CHILD_ALLOWANCE_AGE_LIMIT, ev.facts.today()).value();
        return ev.timeline.knownPeople().stream()
                .map(ev.timeline::birthDateOf)
                .filter(d -> d != null)
                .max(Comparator.naturalOrder())
                .map(d -> YearMonth.from(d.plusYears(limit + 1)))
                .orElse(ev.goLiveMonth);
    }
}
