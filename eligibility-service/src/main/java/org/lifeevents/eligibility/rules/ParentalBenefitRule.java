package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.lifeevents.common.money.Cents;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Confirmation;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeAccess;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * PARENTAL_BENEFIT: monthly for 15 calendar months from the month of birth, one per birth (not per child), to the one
 * parent who confirms taking it. Each legal parent is offered it with their own amount: their taxable income of the
 * calendar year before the birth divided by 12, rounded half up once, at least the floor (also with no income) and at
 * most the cap in force in each month. The income is used only under the parent's consent; without it the offer says
 * what is missing. Once a parent takes it, it is not offered to the other (unless the parent who took it dies: the
 * remaining months are then offered to the other).
 */
final class ParentalBenefitRule {

    /** One birth (all children born together) and the parents who may take its parental benefit. */
    record BirthGroup(LocalDate birthDate, List<String> childIds, List<String> candidates, String registrationId,
            String correlationId, List<Birth> records) {
    }

    /** What one parent may have of one birth's benefit before the money is worked out. */
    record Plan(BirthGroup birth, String parentId, List<YearMonth> months, Confirmation confirmation,
            Confirmation takenBy, Confirmation predecessor) {

        /** Taken by another parent who is alive: nothing for this one. */
        boolean refused() {
            return takenBy != null;
        }

        int incomeYear() {
            return birth.birthDate().getYear() - 1;
        }
    }

    /** The incomes the evaluation will need, so they can be read (under consent) before it runs. */
    List<IncomeKey> incomeNeeds(Evaluation ev) {
        return plans(ev).stream()
                .filter(p -> !p.months().isEmpty())
                .map(p -> new IncomeKey(p.parentId(), p.incomeYear()))
                .distinct()
                .toList();
    }

    List<Draft> evaluate(Evaluation ev) {
        List<Draft> drafts = new ArrayList<>();
        for (Plan plan : plans(ev)) {
            drafts.add(benefit(ev, plan));
        }
        return drafts;
    }

    List<Plan> plans(Evaluation ev) {
        List<Plan> plans = new ArrayList<>();
        for (BirthGroup birth : births(ev)) {
            long length = ev.value(Parameters.PARENTAL_BENEFIT_MONTHS, birth.birthDate()).value();
            List<YearMonth> window = new ArrayList<>();
            YearMonth first = YearMonth.from(birth.birthDate());
            for (int i = 0; i < length; i++) {
                if (!first.plusMonths(i).isBefore(ev.goLiveMonth)) {
                    window.add(first.plusMonths(i));
                }
            }
            if (window.isEmpty()) {
                continue;
            }
            List<Confirmation> takers = birth.candidates().stream()
                    .flatMap(p -> ev.facts.confirmations().stream()
                            .filter(c -> c.entitlementKey().equals(EntitlementKeys.parentalBenefit(p, birth.birthDate()))))
                    .sorted(Comparator.comparing(Confirmation::confirmedAt))
                    .toList();
            for (String parent : birth.candidates()) {
                Plan plan = plan(ev, birth, parent, window, takers);
                if (!plan.months().isEmpty() || plan.takenBy() != null) {
                    plans.add(plan);
                }
            }
        }
        return plans;
    }

    /**
     * The months a parent may have: all of the window when nobody took the benefit; when one did, the months after the
     * death of everyone who took it before, and none while such a parent lives; always only months the parent is alive
     * at the start of.
     */
    private Plan plan(Evaluation ev, BirthGroup birth, String parent, List<YearMonth> window, List<Confirmation> takers) {
        Optional<Confirmation> own = takers.stream().filter(c -> c.personId().equals(parent)).findFirst();
        List<Confirmation> before = takers.stream()
                .filter(c -> !c.personId().equals(parent))
                .filter(c -> own.isEmpty() || c.confirmedAt().isBefore(own.get().confirmedAt()))
                .toList();
        YearMonth from = window.get(0);
        Confirmation predecessor = null;
        for (Confirmation earlier : before) {
            Optional<LocalDate> died = ev.timeline.deathOf(earlier.personId());
            if (died.isEmpty()) {
                return new Plan(birth, parent, List.of(), own.orElse(null), earlier, null);
            }
            predecessor = earlier;
            YearMonth after = YearMonth.from(died.get()).plusMonths(1);
            from = after.isAfter(from) ? after : from;
        }
        YearMonth start = from;
        List<YearMonth> months = window.stream()
                .filter(m -> !m.isBefore(start))
                .filter(m -> ev.timeline.aliveAtStartOf(parent, m))
                .toList();
        return new Plan(birth, parent, months, own.orElse(null), null, predecessor);
    }

    private Draft benefit(Evaluation ev, Plan plan) {
        BirthGroup birth = plan.birth();
        String parent = plan.parentId();
        Draft draft = new Draft(EntitlementKeys.parentalBenefit(parent, birth.birthDate()), Benefit.PARENTAL_BENEFIT);
        String children = String.join(" and ", birth.childIds().stream().map(ev::name).toList());
        draft.recipientId = parent;
        draft.beneficiaryId = birth.childIds().get(0);
        draft.householdId = ev.facts.householdId();
        draft.sourceRegistrationId = birth.registrationId();
        draft.correlationId = birth.correlationId();
        draft.parties.add(parent);
        ParameterTable.Value length = draft.use(ev.value(Parameters.PARENTAL_BENEFIT_MONTHS, birth.birthDate()));
        YearMonth windowStart = YearMonth.from(birth.birthDate());
        draft.spanFrom = (plan.months().isEmpty() ? windowStart : plan.months().get(0)).atDay(1);
        draft.spanUntil = (plan.months().isEmpty() ? windowStart.plusMonths(length.value() - 1)
                : plan.months().get(plan.months().size() - 1)).atEndOfMonth();
        birth.records().forEach(b -> ev.birthInputs(draft, b));
        if (birth.records().isEmpty()) {
            draft.input("legalParents", String.join(", ", birth.candidates()),
                    "population register (household " + ev.facts.householdId() + ")", null);
        }
        if (plan.takenBy() != null) {
            draft.input("takenBy", plan.takenBy().personId(), "citizen portal (confirmation)",
                    plan.takenBy().confirmedAt());
        }
        if (plan.refused()) {
            draft.status = Status.REFUSED;
            draft.arithmetic.add("one parental benefit per birth: " + plan.takenBy().personId() + " took it on "
                    + plan.takenBy().confirmedAt());
            draft.citizenText = "The parental benefit for the birth of " + children + " on " + Words.day(birth.birthDate())
                    + " was taken by " + ev.name(plan.takenBy().personId()) + ". Only one parent can take it for a birth,"
                    + " so it is not offered to you.";
            return draft;
        }
        if (plan.predecessor() != null) {
            draft.input("takenBy", plan.predecessor().personId(), "citizen portal (confirmation)",
                    plan.predecessor().confirmedAt());
            draft.arithmetic.add(plan.predecessor().personId() + " took the benefit and died on "
                    + ev.timeline.deathOf(plan.predecessor().personId()).orElse(null)
                    + "; the remaining months are offered to the other parent");
        }
        IncomeKey key = new IncomeKey(parent, plan.incomeYear());
        IncomeAccess income = ev.facts.income().getOrDefault(key, IncomeAccess.noConsent("NO_CONSENT"));
        String window = "from " + Words.month(plan.months().get(0)) + " through "
                + Words.month(plan.months().get(plan.months().size() - 1));
        switch (income.kind()) {
            case NO_CONSENT -> {
                draft.status = Status.PENDING;
                draft.missing(Missing.CONSENT_TAX_INCOME, "Give your consent to use your taxable income for family "
                        + "benefits (purpose FAMILY_BENEFITS, data TAX_INCOME) in the consent portal. The offer then "
                        + "completes by itself.");
                draft.citizenText = "You may take parental benefit for the birth of " + children + ", " + window
                        + ". Its amount is your taxable income of " + plan.incomeYear() + " divided by 12 (at least "
                        + Words.money(ev.value(Parameters.PARENTAL_BENEFIT_FLOOR, birth.birthDate()).value())
                        + " a month). To use your income we need your consent for family benefits; once you give it, "
                        + "the offer completes by itself.";
                draft.arithmetic.add("no active consent of " + parent + " for FAMILY_BENEFITS covering TAX_INCOME"
                        + (income.reason() != null ? " (" + income.reason() + ")" : "") + ": the income was not read");
                return draft;
            }
            case CHECK_UNAVAILABLE -> {
                draft.status = Status.PENDING;
                draft.missing(Missing.CONSENT_CHECK, "We could not confirm your consent with the consent service just"
                        + " now. Nothing is needed from you; we try again automatically.");
                draft.citizenText = "Your parental benefit for the birth of " + children + " is being worked out. We could"
                        + " not confirm your consent to use your income just now and try again automatically.";
                draft.arithmetic.add("the consent service could not confirm the consent: the income was not read");
                return draft;
            }
            case NOT_ASSESSED -> {
                draft.status = Status.PENDING;
                draft.consentId = income.consentId();
                draft.input("consent", income.consentId(), "consent service (FAMILY_BENEFITS: TAX_INCOME)", null);
                draft.missing(Missing.TAX_INCOME, "The tax authority has not yet reported your taxable income of "
                        + plan.incomeYear() + ". Nothing is needed from you; the offer completes when it arrives.");
                draft.citizenText = "Your parental benefit for the birth of " + children + " waits for the tax "
                        + "authority's assessment of your " + plan.incomeYear() + " income.";
                draft.arithmetic.add("no assessment of the " + plan.incomeYear() + " income of " + parent + " yet");
                return draft;
            }
            case READ -> {
                // worked out below
            }
        }
        draft.consentId = income.consentId();
        draft.input("taxableIncome" + plan.incomeYear(), Words.money(income.incomeCents()),
                "tax authority (assessment " + income.assessmentId() + " of " + income.assessedAt() + ")",
                income.assessedAt());
        draft.input("consent", income.consentId(), "consent service (FAMILY_BENEFITS: TAX_INCOME), confirmed when read",
                income.readAt());
        draft.read(new DataRead(parent, DataRead.TAX_INCOME, DataRead.CONSENT, income.consentId(),
                "taxable income " + plan.incomeYear() + " (assessment " + income.assessmentId()
                        + ") for the parental benefit",
                income.fresh()));
        long monthly = Cents.divideHalfUp(income.incomeCents(), 12);
        MonthlyRun run = new MonthlyRun();
        for (YearMonth month : plan.months()) {
            LocalDate day = Evaluation.referenceDay(birth.birthDate(), month);
            ParameterTable.Value floor = draft.use(ev.value(Parameters.PARENTAL_BENEFIT_FLOOR, day));
            ParameterTable.Value cap = draft.use(ev.value(Parameters.PARENTAL_BENEFIT_CAP, day));
            long amount = Cents.clamp(monthly, floor.value(), cap.value());
            run.owe(month, amount, parent, floor.id() + "+" + cap.id(), () -> "taxable income " + plan.incomeYear() + " "
                    + Words.money(income.incomeCents()) + " / 12 = " + Words.money(monthly) + " (rounded half up), at least "
                    + Words.money(floor.value()) + " and at most " + Words.money(cap.value()) + ": "
                    + Words.money(amount));
        }
        draft.periods = run.periods();
        draft.arithmetic.addAll(run.arithmetic());
        String amountText = "Parental benefit for the birth of " + children + ": " + Words.periods(draft.periods, ev::name)
                + " (" + length.value() + " calendar months from the month of birth"
                + (plan.months().size() < length.value() ? "; only the months from " + Words.month(plan.months().get(0))
                        + " are owed" : "")
                + "). It is your taxable income of " + plan.incomeYear() + ", " + Words.money(income.incomeCents())
                + ", divided by 12, at least " + Words.money(ev.value(Parameters.PARENTAL_BENEFIT_FLOOR, day(plan)).value())
                + " and at most " + Words.money(ev.value(Parameters.PARENTAL_BENEFIT_CAP, day(plan)).value())
                + " a month.";
        if (plan.confirmation() != null) {
            draft.status = Status.GRANTED;
            draft.input("confirmation", "taken by " + parent, "citizen portal", plan.confirmation().confirmedAt());
            draft.citizenText = amountText + " You took it; it is paid in arrears on the 10th of the following month.";
        } else {
            draft.status = Status.OFFERED;
            draft.citizenText = amountText + " Only one parent can take it for this birth: confirm to take it.";
        }
        return draft;
    }

    private static LocalDate day(Plan plan) {
        return Evaluation.referenceDay(plan.birth().birthDate(), plan.months().get(0));
    }

    /**
     * The births of the household: from birth records registered into it, grouped by date and first parent (twins are
     * one birth), and for children known only from the population register (already born at go-live), from their
     * register entries.
     */
    static List<BirthGroup> births(Evaluation ev) {
        Map<String, List<Birth>> recorded = new LinkedHashMap<>();
        for (Birth birth : ev.facts.births()) {
            if (birth.revoked() || !Objects.equals(birth.householdId(), ev.facts.householdId())
                    || birth.parentIds().isEmpty()) {
                continue;
            }
            recorded.computeIfAbsent(birth.birthDate() + "|" + birth.parentIds().get(0), k -> new ArrayList<>()).add(birth);
        }
        List<BirthGroup> groups = new ArrayList<>();
        for (List<Birth> births : recorded.values()) {
            List<Birth> ordered = births.stream().sorted(Comparator.comparingInt(Birth::birthOrder)
                    .thenComparing(Birth::childId)).toList();
            Set<String> candidates = new LinkedHashSet<>();
            for (Birth birth : ordered) {
                for (HouseholdFacts.Parent parent : new HouseholdFacts.Parent[] { birth.mother(), birth.father() }) {
                    if (parent != null && parent.personId() != null && parent.inPopulationRegister()) {
                        candidates.add(parent.personId());
                    }
                }
            }
            if (!candidates.isEmpty()) {
                Birth first = ordered.get(0);
                groups.add(new BirthGroup(first.birthDate(), ordered.stream().map(Birth::childId).toList(),
                        List.copyOf(candidates), first.registrationId(), first.correlationId(), ordered));
            }
        }
        Set<String> withRecord = new LinkedHashSet<>();
        ev.facts.births().forEach(b -> withRecord.add(b.childId()));
        Map<String, List<Member>> registered = new LinkedHashMap<>();
        for (Member member : ev.timeline.people().values()) {
            if (withRecord.contains(member.personId()) || member.legalParentIds().isEmpty() || member.birthDate() == null
                    || YearMonth.from(member.birthDate()).plusMonths(
                            ev.value(Parameters.PARENTAL_BENEFIT_MONTHS, member.birthDate()).value() - 1)
                            .isBefore(ev.goLiveMonth)) {
                continue;
            }
            String first = member.legalParentIds().stream().sorted(Comparator
                    .comparing((String p) -> !"F".equals(ev.timeline.sexOf(p))).thenComparing(p -> p)).findFirst()
                    .orElseThrow();
            registered.computeIfAbsent(member.birthDate() + "|" + first, k -> new ArrayList<>()).add(member);
        }
        for (List<Member> members : registered.values()) {
            List<Member> ordered = members.stream().sorted(Timeline.SIBLING_ORDER).toList();
            Set<String> candidates = new LinkedHashSet<>();
            ordered.forEach(m -> m.legalParentIds().stream().sorted(Comparator
                    .comparing((String p) -> !"F".equals(ev.timeline.sexOf(p))).thenComparing(p -> p))
                    .forEach(candidates::add));
            String childId = ordered.get(0).personId();
            groups.add(new BirthGroup(ordered.get(0).birthDate(), ordered.stream().map(Member::personId).toList(),
                    List.copyOf(candidates), null, ev.correlationFor(childId), List.of()));
        }
        return groups;
    }
}
