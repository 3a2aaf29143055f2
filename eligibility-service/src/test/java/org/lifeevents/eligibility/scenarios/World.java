package org.lifeevents.eligibility.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.eligibility.rules.DataRead;
import org.lifeevents.eligibility.rules.DesiredEntitlement;
import org.lifeevents.eligibility.rules.HouseholdEvaluator;
import org.lifeevents.eligibility.rules.HouseholdFacts;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.Confirmation;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeAccess;
import org.lifeevents.eligibility.rules.HouseholdFacts.IncomeKey;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.MinorChild;
import org.lifeevents.eligibility.rules.HouseholdFacts.Parent;
import org.lifeevents.eligibility.rules.HouseholdFacts.Relative;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;
import org.lifeevents.eligibility.ruleset.ParameterTable;

/**
 * The world of one scenario: the people by name, what the population register, the civil registry, the tax authority
 * and the consent service have said so far, and what the citizens did; turned into the evaluator's facts on any day.
 * Income is resolved the way the service's resolver does it: read only under an active consent, an earlier read
 * reused while the assessment is unchanged, and kept after the consent ends.
 */
final class World {

    static final ParameterTable REFERENCE = ParameterTable.fromClasspath("ruleset/parameters.json");

    /** A person of the story. */
    record Person(String name, String id, String sex, LocalDate birthDate) {
    }

    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, String> spouses = new HashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, List<String>> guardians = new HashMap<>();
    private final Map<String, LocalDate> deathDates = new HashMap<>();
    private final Set<String> household = new LinkedHashSet<>();
    private final Map<String, int[]> multipleBirth = new HashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Map<String, Birth> births = new LinkedHashMap<>();
    private final List<Death> deaths = new ArrayList<>();
    private final Map<String, List<ConsentGrant>> consents = new HashMap<>();
    private final Map<IncomeKey, Long> assessed = new HashMap<>();
    private final Map<IncomeKey, IncomeAccess> reads = new HashMap<>();
    private final List<Confirmation> confirmations = new ArrayList<>();
    private String householdId = "H-SCENARIO";
    private int serial = 200;
    private int events;

    void household(String id) {
        this.householdId = id;
    }

    String householdId() {
        return householdId;
    }

    Person add(String name, String sex, LocalDate birthDate) {
        if (people.containsKey(name)) {
            throw new IllegalArgumentException(name + " appears twice");
        }
        Person person = new Person(name, PersonId.of(sex, birthDate, serial++).value(), sex, birthDate);
        people.put(name, person);
        return person;
    }

    Person person(String name) {
        Person person = people.get(name);
        if (person == null) {
            throw new IllegalArgumentException("Nobody called " + name + " in the scenario (known: " + people.keySet() + ")");
        }
        return person;
    }

    String id(String name) {
        return person(name).id();
    }

    Optional<String> nameOf(String id) {
        return people.values().stream().filter(p -> p.id().equals(id)).map(Person::name).findFirst();
    }

    void spouses(String a, String b) {
        spouses.put(a, b);
        spouses.put(b, a);
    }

    void childOf(String child, List<String> parentNames) {
        parents.put(child, List.copyOf(parentNames));
    }

    void guardian(String child, String guardian) {
        guardians.computeIfAbsent(child, k -> new ArrayList<>()).add(guardian);
    }

    /** The register publishes the household as it is now, effective from the day. */
    void publishHousehold(LocalDate effectiveFrom, String reason) {
        List<Member> members = household.stream().map(this::member).toList();
        snapshots.add(new Snapshot(snapshots.size() + 1, effectiveFrom, reason, "corr-" + householdId + "-"
                + (snapshots.size() + 1), at(effectiveFrom), members));
    }

    void moveIn(String name) {
        household.add(name);
    }

    void moveOut(String name) {
        household.remove(name);
    }

    /** Children born in one birth to the parents, registered and added to the household on the birth date. */
    void birth(LocalDate day, List<String> children, List<String> parentNames) {
        String mother = parentNames.stream().filter(p -> person(p).sex().equals("F")).findFirst().orElse(null);
        String father = parentNames.stream().filter(p -> person(p).sex().equals("M")).findFirst().orElse(null);
        for (int i = 0; i < children.size(); i++) {
            Person child = add(children.get(i), i % 2 == 0 ? "F" : "M", day);
            childOf(child.name(), parentNames);
            multipleBirth.put(child.name(), new int[] { children.size(), i + 1 });
            births.put(child.name(), new Birth("B-" + child.id(), child.id(), child.name(), day, parent(mother),
                    parent(father), children.size(), i + 1, householdId, "corr-birth-" + child.id(), at(day), false));
            household.add(child.name());
        }
        publishHousehold(day, "BIRTH");
    }

    /**
     * A correction of a birth record naming a father: a formal correction takes effect on the day given, a
     * typographical one from the original registration.
     */
    void correctBirthFather(String child, String father, LocalDate effectiveFrom) {
        Birth before = births.get(child);
        Birth corrected = new Birth(before.registrationId(), before.childId(), before.givenNames(), before.birthDate(),
                before.mother(), parent(father), before.childrenInBirth(), before.birthOrder(), before.householdId(),
                before.correlationId(), before.registeredAt(), false);
        List<String> now = new ArrayList<>(parents.getOrDefault(child, List.of()));
        now.add(father);
        parents.put(child, now);
        births.put(child, corrected.effectiveFrom(effectiveFrom, before));
        publishHousehold(effectiveFrom, "CORRECTION");
    }

    void revokeBirth(String child) {
        Birth b = births.get(child);
        births.put(child, new Birth(b.registrationId(), b.childId(), b.givenNames(), b.birthDate(), b.mother(), b.father(),
                b.childrenInBirth(), b.birthOrder(), b.householdId(), b.correlationId(), b.registeredAt(), true));
        household.remove(child);
    }

    /** A death registered on the day of registration; the register marks the person dead from the date of death. */
    void death(String name, LocalDate died, LocalDate registered) {
        Person deceased = person(name);
        deathDates.put(name, died);
        List<Relative> others = household.stream().filter(n -> !n.equals(name))
                .map(n -> new Relative(id(n), person(n).birthDate(), "OTHER")).toList();
        List<MinorChild> minors = new ArrayList<>();
        parents.forEach((child, ps) -> {
            if (ps.contains(name) && person(child).birthDate().plusYears(18).isAfter(died)) {
                minors.add(new MinorChild(id(child), person(child).birthDate(), householdId,
                        ps.stream().filter(p -> !p.equals(name) && !deathDates.containsKey(p)).map(this::id).toList(),
                        guardians.getOrDefault(child, List.of()).stream().map(this::id).toList()));
            }
        });
        String spouse = spouses.get(name);
        deaths.add(new Death("D-" + deceased.id(), deceased.id(), deceased.birthDate(), died, householdId,
                spouse == null || deathDates.containsKey(spouse) ? null : id(spouse), others, minors,
                "corr-death-" + deceased.id(), at(registered), false));
        publishHousehold(died, "DEATH");
    }

    void assess(String name, int year, long cents) {
        assessed.put(new IncomeKey(id(name), year), cents);
    }

    void consent(String name, LocalDate from) {
        consents.computeIfAbsent(id(name), k -> new ArrayList<>()).add(new ConsentGrant("consent-" + id(name) + "-"
                + (++events), DataRead.PURPOSE, List.of(DataRead.TAX_INCOME, DataRead.HOUSEHOLD), at(from), null, null));
    }

    void revokeConsent(String name, LocalDate on) {
        List<ConsentGrant> grants = consents.getOrDefault(id(name), List.of());
        consents.put(id(name), grants.stream().map(c -> c.revokedAt() != null ? c
                : new ConsentGrant(c.consentId(), c.purpose(), c.dataCategories(), c.validFrom(), c.validUntil(), at(on)))
                .toList());
    }

    void confirm(String entitlementKey, String name, LocalDate on) {
        confirmations.add(new Confirmation(entitlementKey, id(name), at(on).plusSeconds(++events)));
    }

    /** Decides the household on the day, resolving the incomes the rules need as the service would. */
    List<DesiredEntitlement> evaluate(LocalDate today) {
        HouseholdEvaluator evaluator = new HouseholdEvaluator(REFERENCE);
        Instant now = at(today).plusSeconds(12 * 3600);
        HouseholdFacts facts = new HouseholdFacts(householdId, householdId, today, now, snapshots,
                List.copyOf(births.values()), deaths, consents, Map.of(), confirmations, List.of());
        Map<IncomeKey, IncomeAccess> resolved = new HashMap<>();
        for (IncomeKey key : evaluator.incomeNeeds(facts)) {
            resolved.put(key, resolve(key, now));
        }
        return evaluator.evaluate(facts.withIncome(resolved));
    }

    private IncomeAccess resolve(IncomeKey key, Instant now) {
        IncomeAccess prior = reads.get(key);
        Optional<ConsentGrant> consent = consents.getOrDefault(key.personId(), List.of()).stream()
                .filter(c -> c.allows(DataRead.PURPOSE, DataRead.TAX_INCOME, now)).findFirst();
        Long income = assessed.get(key);
        if (consent.isEmpty()) {
            return prior != null ? prior : IncomeAccess.noConsent("NO_CONSENT");
        }
        String assessment = "A-" + key.personId() + "-" + key.taxYear() + "-" + income;
        if (prior != null && (income == null || prior.assessmentId().equals(assessment))) {
            return prior;
        }
        if (income == null) {
            return IncomeAccess.notAssessed(consent.get().consentId());
        }
        IncomeAccess read = IncomeAccess.read(consent.get().consentId(), income, assessment, now, now, true);
        reads.put(key, read);
        return read;
    }

    private Member member(String name) {
        Person person = person(name);
        int[] birth = multipleBirth.getOrDefault(name, new int[] { 1, 1 });
        String spouse = spouses.get(name);
        return new Member(person.id(), name, person.sex(), person.birthDate(), deathDates.get(name), person.birthDate(),
                true, spouse == null ? null : id(spouse),
                parents.getOrDefault(name, List.of()).stream().map(this::id).toList(),
                guardians.getOrDefault(name, List.of()).stream().map(this::id).toList(), birth[0], birth[1]);
    }

    private Parent parent(String name) {
        return name == null ? null : new Parent(id(name), true);
    }

    private static Instant at(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
