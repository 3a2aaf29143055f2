package org.lifeevents.eligibility.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Confirmation;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.Handover;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeAccess;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.MinorChild;
import org.lifeevents.eligibility.rules.HouseholdFacts.Parent;
import org.lifeevents.eligibility.rules.HouseholdFacts.Relative;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;
import org.lifeevents.eligibility.ruleset.ParameterTable;

/**
 * A household written as a story for rule tests: people join, children are born, people die; each step publishes a
 * snapshot as the population register would. Evaluates with the shipped reference parameters unless told otherwise.
 */
final class Family {

    static final ParameterTable REFERENCE = ParameterTable.fromClasspath("ruleset/parameters.json");
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final String householdId;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Birth> births = new ArrayList<>();
    private final List<Death> deaths = new ArrayList<>();
    private final Map<String, List<ConsentGrant>> consents = new HashMap<>();
    private final Map<IncomeKey, IncomeAccess> income = new HashMap<>();
    private final List<Confirmation> confirmations = new ArrayList<>();
    private final List<Handover> handovers = new ArrayList<>();
    private LocalDate today = LocalDate.of(2026, 11, 21);
    private ParameterTable parameters = REFERENCE;
    private int confirmationSeconds;

    private Family(String householdId) {
        this.householdId = householdId;
    }

    static Family household(String householdId) {
        return new Family(householdId);
    }

    static String person(String sex, LocalDate birthDate) {
        return PersonId.of(sex, birthDate, SERIAL.incrementAndGet() % 1000).value();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static YearMonth month(String iso) {
        return YearMonth.parse(iso);
    }

    Family parameters(ParameterTable table) {
        this.parameters = table;
        return this;
    }

    Family today(LocalDate day) {
        this.today = day;
        return this;
    }

    /** Adds an adult (from the next snapshot on). */
    Family adult(String personId, String name) {
        return adult(personId, name, null);
    }

    Family adult(String personId, String name, String spouseId) {
        members.put(personId, member(personId, name, spouseId, List.of(), List.of(), 1, 1));
        return this;
    }

    /** Adds a child already in the register (no birth record), with its legal parents. */
    Family child(String personId, String name, String... parents) {
        members.put(personId, member(personId, name, null, List.of(parents), List.of(), 1, 1));
        return this;
    }

    Family childWithGuardian(String personId, String name, String guardian) {
        members.put(personId, member(personId, name, null, List.of(), List.of(guardian), 1, 1));
        return this;
    }

    Family without(String personId) {
        members.remove(personId);
        return this;
    }

    /** The register publishes the household's current members, effective from the day. */
    Family snapshot(LocalDate effectiveFrom) {
        snapshots.add(new Snapshot(snapshots.size() + 1, effectiveFrom, snapshots.isEmpty() ? "INITIAL_LOAD" : "MOVE_IN",
                "corr-" + householdId + "-" + (snapshots.size() + 1), T0, List.copyOf(members.values())));
        return this;
    }

    /** A birth registered into this household; the register adds the child from the birth date. */
    Family birth(String childId, LocalDate birthDate, String motherId, String fatherId) {
        return multipleBirth(birthDate, motherId, fatherId, childId);
    }

    /** Children born in one birth, in birth order. */
    Family multipleBirth(LocalDate birthDate, String motherId, String fatherId, String... childIds) {
        for (int i = 0; i < childIds.length; i++) {
            List<String> parents = new ArrayList<>();
            if (motherId != null) {
                parents.add(motherId);
            }
            if (fatherId != null) {
                parents.add(fatherId);
            }
            births.add(new Birth("B-" + childIds[i], childIds[i], "Child" + (i + 1), birthDate,
                    motherId == null ? null : new Parent(motherId, true), fatherId == null ? null : new Parent(fatherId, true),
                    childIds.length, i + 1, householdId, "corr-birth-" + childIds[i], T0, false));
            members.put(childIds[i], member(childIds[i], "Child" + (i + 1), null, parents, List.of(), childIds.length, i + 1));
        }
        return snapshot(birthDate);
    }

    /**
     * The registry corrects the child's birth record to name the father, the correction taking effect on the day (a
     * formal correction: its own date; typographical: the birth date).
     */
    Family fatherAdded(String childId, String fatherId, LocalDate effectiveFrom) {
        for (int i = 0; i < births.size(); i++) {
            Birth b = births.get(i);
            if (b.childId().equals(childId)) {
                Birth corrected = new Birth(b.registrationId(), b.childId(), b.givenNames(), b.birthDate(), b.mother(),
                        new Parent(fatherId, true), b.childrenInBirth(), b.birthOrder(), b.householdId(),
                        b.correlationId(), b.registeredAt(), false);
                births.set(i, corrected.effectiveFrom(effectiveFrom, b));
            }
        }
        return this;
    }

    /** A birth record only (the household snapshot has not arrived). */
    Family birthRecord(Birth birth) {
        births.add(birth);
        return this;
    }

    Family death(String personId, LocalDate dateOfDeath, List<MinorChild> minorChildren) {
        Member member = members.get(personId);
        String spouse = member == null ? null : member.spouseId();
        List<Relative> others = members.values().stream().filter(m -> !m.personId().equals(personId))
                .map(m -> new Relative(m.personId(), m.birthDate(), "OTHER")).toList();
        deaths.add(new Death("D-" + personId, personId, member == null ? null : member.birthDate(), dateOfDeath,
                householdId, spouse, others, minorChildren, "corr-death-" + personId, T0, false));
        if (member != null) {
            members.put(personId, new Member(member.personId(), member.givenNames(), member.sex(), member.birthDate(),
                    dateOfDeath, member.memberSince(), true, member.spouseId(), member.legalParentIds(),
                    member.guardianIds(), member.childrenInBirth(), member.birthOrder()));
        }
        return snapshot(dateOfDeath);
    }

    Family death(String personId, LocalDate dateOfDeath) {
        return death(personId, dateOfDeath, List.of());
    }

    Family consent(String personId, String... categories) {
        consents.computeIfAbsent(personId, k -> new ArrayList<>()).add(new ConsentGrant("consent-" + personId,
                "FAMILY_BENEFITS", List.of(categories), T0.minusSeconds(86400), null, null));
        return this;
    }

    Family income(String personId, int year, long cents) {
        income.put(new IncomeKey(personId, year),
                IncomeAccess.read("consent-" + personId, cents, "A-" + personId + "-" + year, T0, T0, true));
        return this;
    }

    Family incomeAccess(String personId, int year, IncomeAccess access) {
        income.put(new IncomeKey(personId, year), access);
        return this;
    }

    Family confirm(String entitlementKey, String personId) {
        confirmations.add(new Confirmation(entitlementKey, personId, T0.plusSeconds(++confirmationSeconds)));
        return this;
    }

    Family handover(String childId, String from, String to, LocalDate effectiveFrom) {
        handovers.add(new Handover(childId, from, to, effectiveFrom, effectiveFrom.minusDays(3).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)));
        return this;
    }

    HouseholdFacts facts() {
        return new HouseholdFacts(householdId, householdId, today, today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                snapshots, births, deaths, consents, income, confirmations, handovers);
    }

    List<DesiredEntitlement> evaluate() {
        return new HouseholdEvaluator(parameters).evaluate(facts());
    }

    List<HouseholdFacts.IncomeKey> incomeNeeds() {
        return new HouseholdEvaluator(parameters).incomeNeeds(facts());
    }

    String householdId() {
        return householdId;
    }

    private Member member(String personId, String name, String spouseId, List<String> parents, List<String> guardians,
            int childrenInBirth, int birthOrder) {
        PersonId id = new PersonId(personId);
        return new Member(personId, name, id.sex(), id.birthDate(), null, id.birthDate(), true, spouseId, parents,
                guardians, childrenInBirth, birthOrder);
    }
}
