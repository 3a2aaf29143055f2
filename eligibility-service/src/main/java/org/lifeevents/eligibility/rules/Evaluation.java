package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.eligibility.rules.HouseholdFacts.Handover;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;
import org.lifeevents.eligibility.ruleset.ParameterTable;
import org.lifeevents.eligibility.ruleset.Parameters;

/**
 * One evaluation of a household: the facts, the parameters, and the questions several rules ask (which children are
 * owed child allowance in a month, who receives a child's monthly benefits), answered once and remembered.
 */
final class Evaluation {

    final HouseholdFacts facts;
    final ParameterTable parameters;
    final Timeline timeline;
    final YearMonth goLiveMonth;
    private final Map<OwedKey, List<Member>> owedCache = new HashMap<>();
    private final Map<ValueKey, ParameterTable.Value> valueCache = new HashMap<>();

    /*
     * Days are keyed by their epoch day: LocalDate's own hash puts the day of the month in its low bits, so the first
     * days of many months fall into one bucket of a small HashMap, which then turns into a tree and is searched on
     * every lookup of the evaluation's hot path.
     */
    private record ValueKey(String name, long epochDay) {
    }

    private record OwedKey(int month, long epochDay) {
    }

    Evaluation(HouseholdFacts facts, ParameterTable parameters) {
        this.facts = facts;
        this.parameters = parameters;
        this.timeline = new Timeline(facts);
        this.goLiveMonth = YearMonth.from(parameters.goLive());
    }

    /**
     * The parameter in force on the day. The engine's law starts at go-live, so an earlier event (a birth before
     * go-live whose parental benefit runs into it, a death before go-live) is judged by the values in force at go-live.
     */
    ParameterTable.Value value(String name, LocalDate day) {
        LocalDate effective = day.isBefore(parameters.goLive()) ? parameters.goLive() : day;
        return valueCache.computeIfAbsent(new ValueKey(name, effective.toEpochDay()), k -> parameters.valueOn(name, effective));
    }

    /** The day whose situation sets a child's amount for the month: the birth date in the month of birth, else the 1st. */
    static LocalDate referenceDay(LocalDate birthDate, YearMonth month) {
        return YearMonth.from(birthDate).equals(month) ? birthDate : month.atDay(1);
    }

    /**
     * The household's children owed child allowance for the month, as the situation on the given day shows them, in
     * sibling order: members on that day, under the age limit through the month of the birthday, alive at the start of
     * the month (or born in it), resident, and only from the go-live month.
     */
    List<Member> owedChildAllowance(YearMonth month, LocalDate day) {
        return owedCache.computeIfAbsent(new OwedKey(month.getYear() * 12 + month.getMonthValue(), day.toEpochDay()), k -> {
            if (month.isBefore(goLiveMonth)) {
                return List.of();
            }
            long ageLimit = value(Parameters.CHILD_ALLOWANCE_AGE_LIMIT, month.atDay(1)).value();
            return timeline.membersOn(day).stream()
                    .filter(Member::inPopulationRegister)
                    .filter(m -> !month.isAfter(YearMonth.from(m.birthDate().plusYears(ageLimit))))
                    .filter(m -> timeline.aliveAtStartOf(m.personId(), month))
                    .toList();
        });
    }

    /**
     * Who receives a child's monthly benefits for the month: the parent the monthly benefits were handed to, else the
     * mother, else the other legal parent (one living in the child's household first), else a guardian; each only
     * while alive at the start of the month (the month of a recipient's death is still theirs). Empty when nobody can
     * be paid.
     */
    Optional<String> monthlyRecipient(String childId, YearMonth month, LocalDate day) {
        List<String> parents = timeline.parentsOf(childId);
        Optional<Handover> handover = facts.handovers().stream()
                .filter(h -> h.childId().equals(childId) && !h.effectiveFrom().isAfter(month.atDay(1)))
                .max(Comparator.comparing(Handover::effectiveFrom).thenComparing(Handover::requestedAt));
        if (handover.isPresent() && parents.contains(handover.get().toPersonId())
                && timeline.aliveAtStartOf(handover.get().toPersonId(), month)) {
            return Optional.of(handover.get().toPersonId());
        }
        Optional<String> mother = timeline.motherOf(childId).filter(m -> timeline.aliveAtStartOf(m, month));
        if (mother.isPresent()) {
            return mother;
        }
        Optional<String> other = parents.stream()
                .filter(p -> timeline.aliveAtStartOf(p, month))
                .min(Comparator.comparing((String p) -> !timeline.isMemberOn(p, day)).thenComparing(p -> p));
        if (other.isPresent()) {
            return other;
        }
        return timeline.guardiansOf(childId).stream().filter(g -> timeline.aliveAtStartOf(g, month)).findFirst();
    }

    /** Who would receive the child's monthly benefits without any hand-over, for explanations of a hand-over. */
    List<Handover> handoversOf(String childId) {
        return facts.handovers().stream().filter(h -> h.childId().equals(childId))
                .sorted(Comparator.comparing(Handover::effectiveFrom)).toList();
    }

    /** The consent of the person covering the category for family benefits at the time of the evaluation. */
    Optional<ConsentGrant> consent(String personId, String category) {
        return facts.consents().getOrDefault(personId, List.of()).stream()
                .filter(c -> c.allows(DataRead.PURPOSE, category, facts.evaluatedAt()))
                .findFirst();
    }

    /** A read of the person's household data: statutory task, or the person's HOUSEHOLD consent when there is one. */
    DataRead householdRead(String subjectPersonId, String details) {
        Optional<ConsentGrant> consent = consent(subjectPersonId, DataRead.HOUSEHOLD);
        return new DataRead(subjectPersonId, DataRead.HOUSEHOLD,
                consent.isPresent() ? DataRead.CONSENT : DataRead.STATUTORY_TASK,
                consent.map(ConsentGrant::consentId).orElse(null), details, false);
    }

    String name(String personId) {
        return timeline.givenNames(personId);
    }

    /** Adds the household snapshots in force on the days as inputs, with their versions and times. */
    void householdInputs(Draft draft, List<LocalDate> days) {
        for (Snapshot snapshot : timeline.snapshotsOn(days)) {
            draft.input("household", snapshot.members().stream()
                    .map(m -> m.personId() + " (" + m.givenNames() + ", born " + m.birthDate() + ")")
                    .collect(Collectors.joining(", ")),
                    "population register (household " + facts.householdId() + ", version " + snapshot.version()
                            + ", effective from " + snapshot.effectiveFrom() + ", " + snapshot.reason() + ")",
                    snapshot.receivedAt());
        }
    }

    void birthInputs(Draft draft, Birth birth) {
        String source = "civil registry (birth registration " + birth.registrationId() + ")";
        draft.input("child", birth.childId(), source, birth.registeredAt());
        draft.input("birthDate", birth.birthDate().toString(), source, birth.registeredAt());
        if (birth.mother() != null) {
            draft.input("mother", String.valueOf(birth.mother().personId()), source, birth.registeredAt());
        }
        if (birth.father() != null) {
            draft.input("father", String.valueOf(birth.father().personId()), source, birth.registeredAt());
        }
        draft.input("childrenInBirth", String.valueOf(birth.childrenInBirth()), source, birth.registeredAt());
        draft.input("birthOrder", String.valueOf(birth.birthOrder()), source, birth.registeredAt());
        if (birth.recordFrom() != null && birth.earlier() != null) {
            Birth before = birth.earlier();
            draft.input("recordCorrectedFrom", birth.recordFrom() + " (before it the record named "
                    + String.join(" and ", before.parentIds()) + ")", source + ", formal correction", birth.registeredAt());
        }
    }

    /** Inputs describing a child's hand-overs and deaths that shaped who is paid. */
    void recipientInputs(Draft draft, String childId) {
        for (Handover handover : handoversOf(childId)) {
            draft.input("monthlyRecipientHandover",
                    handover.fromPersonId() + " handed the monthly benefits to " + handover.toPersonId() + " from "
                            + handover.effectiveFrom(),
                    "citizen portal (request by " + handover.fromPersonId() + ")", handover.requestedAt());
        }
        for (String parent : timeline.parentsOf(childId)) {
            timeline.deathOf(parent).ifPresent(d -> draft.input("parentDied", parent + " died on " + d,
                    deathSource(parent), deathTime(parent)));
        }
    }

    String deathSource(String personId) {
        return facts.deaths().stream().filter(d -> d.personId().equals(personId) && !d.revoked()).findFirst()
                .map(d -> "civil registry (death registration " + d.registrationId() + ")")
                .orElse("population register (household " + facts.householdId() + ")");
    }

    java.time.Instant deathTime(String personId) {
        return facts.deaths().stream().filter(d -> d.personId().equals(personId) && !d.revoked()).findFirst()
                .map(HouseholdFacts.Death::registeredAt)
                .orElseGet(() -> timeline.snapshots().isEmpty() ? null
                        : timeline.snapshots().get(timeline.snapshots().size() - 1).receivedAt());
    }

    /** The correlation id that started a child's entitlements: the birth's, else the first snapshot naming the child. */
    String correlationFor(String childId) {
        return timeline.birth(childId).map(Birth::correlationId)
                .or(() -> timeline.firstSnapshotWith(childId).map(Snapshot::correlationId))
                .orElse(null);
    }
}
