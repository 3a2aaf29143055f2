package org.lifeevents.eligibility.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;

/**
 * The household's situation on any day, read from its snapshots: the state on day D is the latest version whose
 * effective date is on or before D (a later version restates the household from its effective date). Before the first
 * effective date, the earliest snapshot counts for the members it says joined by then. Also answers who is a child's
 * parent, mother and guardian, and who was alive when.
 */
final class Timeline {

    /** Sibling order: date of birth, then order within a multiple birth (then id, so the order is total). */
    static final Comparator<Member> SIBLING_ORDER = Comparator.comparing(Member::birthDate)
            .thenComparingInt(Member::birthOrder)
            .thenComparing(Member::personId);

    private final HouseholdFacts facts;
    private final List<Snapshot> byVersion;
    private final Map<String, Member> latest = new HashMap<>();
    private final Map<String, Birth> births = new HashMap<>();
    private final Map<String, LocalDate> deathDates = new HashMap<>();
    /** By epoch day, not LocalDate, whose hash collides for the same day of different months (see Evaluation). */
    private final Map<Long, List<Member>> membersByDay = new HashMap<>();

    Timeline(HouseholdFacts facts) {
        this.facts = facts;
        this.byVersion = facts.snapshots().stream().sorted(Comparator.comparingLong(Snapshot::version)).toList();
        for (Snapshot snapshot : byVersion) {
            for (Member member : snapshot.members()) {
                latest.put(member.personId(), member);
                if (member.dateOfDeath() != null) {
                    deathDates.put(member.personId(), member.dateOfDeath());
                }
            }
        }
        for (Birth birth : facts.births()) {
            if (!birth.revoked()) {
                births.put(birth.childId(), birth);
            }
        }
        for (Death death : facts.deaths()) {
            if (!death.revoked()) {
                deathDates.put(death.personId(), death.dateOfDeath());
            } else if (deathDates.get(death.personId()) != null
                    && deathDates.get(death.personId()).equals(death.dateOfDeath())) {
                // a death registered in error: the person is alive whatever a stale snapshot says
                deathDates.remove(death.personId());
            }
        }
    }

    HouseholdFacts facts() {
        return facts;
    }

    /** The snapshot in force on the day, if any. */
    Optional<Snapshot> snapshotOn(LocalDate day) {
        Snapshot found = null;
        for (Snapshot snapshot : byVersion) {
            if (!snapshot.effectiveFrom().isAfter(day)) {
                found = snapshot;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The household's members on the day (born by then), in sibling order. */
    List<Member> membersOn(LocalDate day) {
        return membersByDay.computeIfAbsent(day.toEpochDay(), epochDay -> readMembersOn(day));
    }

    private List<Member> readMembersOn(LocalDate day) {
        Optional<Snapshot> snapshot = snapshotOn(day);
        List<Member> members = new ArrayList<>();
        if (snapshot.isPresent()) {
            members.addAll(snapshot.get().members());
        } else if (!byVersion.isEmpty()) {
            Snapshot earliest = byVersion.stream()
                    .min(Comparator.comparing(Snapshot::effectiveFrom).thenComparingLong(Snapshot::version))
                    .orElseThrow();
            earliest.members().stream()
                    .filter(m -> m.memberSince() != null && !m.memberSince().isAfter(day))
                    .forEach(members::add);
        }
        return members.stream()
                .filter(m -> m.birthDate() != null && !m.birthDate().isAfter(day))
                .filter(m -> !isRevokedBirth(m.personId()))
                .sorted(SIBLING_ORDER)
                .toList();
    }

    boolean isMemberOn(String personId, LocalDate day) {
        return membersOn(day).stream().anyMatch(m -> m.personId().equals(personId));
    }

    /** Every person the household's snapshots ever named, with their latest published record. */
    Map<String, Member> people() {
        return latest;
    }

    Optional<Member> person(String personId) {
        return Optional.ofNullable(latest.get(personId));
    }

    Optional<Birth> birth(String childId) {
        return Optional.ofNullable(births.get(childId));
    }

    boolean isRevokedBirth(String childId) {
        return facts.births().stream().anyMatch(b -> b.childId().equals(childId) && b.revoked())
                && !births.containsKey(childId);
    }

    Optional<LocalDate> deathOf(String personId) {
        return Optional.ofNullable(deathDates.get(personId));
    }

    /** Alive at the start of the month; a person is still owed (and still a recipient for) the month of their death. */
    boolean aliveAtStartOf(String personId, YearMonth month) {
        LocalDate death = deathDates.get(personId);
        return death == null || !death.isBefore(month.atDay(1));
    }

    /** Alive after the given day (a person who died that day is not). */
    boolean survived(String personId, LocalDate day) {
        LocalDate death = deathDates.get(personId);
        return death == null || death.isAfter(day);
    }

    LocalDate birthDateOf(String personId) {
        Birth birth = births.get(personId);
        if (birth != null) {
            return birth.birthDate();
        }
        Member member = latest.get(personId);
        if (member != null && member.birthDate() != null) {
            return member.birthDate();
        }
        return PersonId.isValid(personId) ? new PersonId(personId).birthDate() : null;
    }

    String givenNames(String personId) {
        Birth birth = births.get(personId);
        if (birth != null && birth.givenNames() != null && !birth.givenNames().isBlank()) {
            return birth.givenNames();
        }
        Member member = latest.get(personId);
        return member != null && member.givenNames() != null && !member.givenNames().isBlank() ? member.givenNames()
                : personId;
    }

    /** The child's legal parents: as the birth record names them, else as the population register does. */
    List<String> parentsOf(String childId) {
        Birth birth = births.get(childId);
        if (birth != null) {
            return birth.parentIds();
        }
        Member member = latest.get(childId);
        return member == null ? List.of() : member.legalParentIds();
    }

    List<String> guardiansOf(String childId) {
        Member member = latest.get(childId);
        return member == null ? List.of() : member.guardianIds();
    }

    /** The mother: as the birth record names her, else the legal parent recorded as female. */
    Optional<String> motherOf(String childId) {
        Birth birth = births.get(childId);
        if (birth != null) {
            return Optional.ofNullable(birth.mother() == null ? null : birth.mother().personId());
        }
        return parentsOf(childId).stream().filter(id -> "F".equals(sexOf(id))).findFirst();
    }

    String sexOf(String personId) {
        Member member = latest.get(personId);
        if (member != null && member.sex() != null) {
            return member.sex();
        }
        return PersonId.isValid(personId) ? new PersonId(personId).sex() : null;
    }

    /** Children the household's facts know: everyone its snapshots name, and births registered into it. */
    Set<String> knownPeople() {
        Set<String> ids = new LinkedHashSet<>(latest.keySet());
        births.values().stream()
                .filter(b -> facts.householdId() != null && facts.householdId().equals(b.householdId()))
                .forEach(b -> ids.add(b.childId()));
        return ids;
    }

    /** Which snapshot versions were in force on any of the days; for explanations. */
    List<Snapshot> snapshotsOn(List<LocalDate> days) {
        Set<Snapshot> used = new LinkedHashSet<>();
        for (LocalDate day : days) {
            snapshotOn(day).ifPresent(used::add);
        }
        if (used.isEmpty() && !byVersion.isEmpty()) {
            used.add(byVersion.get(0));
        }
        return used.stream().sorted(Comparator.comparingLong(Snapshot::version)).toList();
    }

    /** The first snapshot that names the person; its correlation id started their entitlements. */
    Optional<Snapshot> firstSnapshotWith(String personId) {
        return byVersion.stream().filter(s -> s.members().stream().anyMatch(m -> m.personId().equals(personId)))
                .findFirst();
    }

    List<Snapshot> snapshots() {
        return byVersion;
    }
}
