package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.offer.Confirmation;
import org.lifeevents.eligibility.offer.RecipientHandover;
import org.lifeevents.eligibility.rules.HouseholdFacts;
import org.lifeevents.eligibility.rules.HouseholdFacts.Birth;
import org.lifeevents.eligibility.rules.HouseholdFacts.ConsentGrant;
import org.lifeevents.eligibility.rules.HouseholdFacts.Death;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;
import org.lifeevents.eligibility.rules.HouseholdFacts.Parent;
import org.lifeevents.eligibility.rules.HouseholdFacts.Snapshot;

/**
 * Gathers everything held locally that bears on one scope (a household, or a birth outside any household) into the
 * evaluator's facts. Income is left for the consent-gated resolver.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FactsLoader {

    /** Scope of a birth whose child joined no household (no parent in the population register). */
    public static final String PERSON_SCOPE = "person:";

    @Inject
    EntityManager entityManager;

    public static String scopeOfBirth(BirthFact birth) {
        return birth.householdId != null ? birth.householdId : PERSON_SCOPE + birth.childId;
    }

    public HouseholdFacts load(String scope, LocalDate today, Instant now) {
        return loadAll(List.of(scope), today, now).get(scope);
    }

    /**
     * The facts of each scope, read for all of them at once: a handful of statements however many scopes a poll
     * touched, partitioned here by the same conditions that say what bears on one scope.
     */
    public Map<String, HouseholdFacts> loadAll(Collection<String> scopes, LocalDate today, Instant now) {
        Set<String> households = new LinkedHashSet<>();
        Set<String> outsideHouseholds = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope.startsWith(PERSON_SCOPE)) {
                outsideHouseholds.add(scope.substring(PERSON_SCOPE.length()));
            } else {
                households.add(scope);
            }
        }
        Map<String, List<Snapshot>> snapshots = snapshotsOf(households);
        Map<String, Set<String>> members = new HashMap<>();
        snapshots.forEach((household, versions) -> members.put(household, membersOf(versions)));
        Set<String> personIds = new LinkedHashSet<>(outsideHouseholds);
        members.values().forEach(personIds::addAll);
        List<BirthFact> births = entities(BirthFact.class,
                "select * from birth_fact where household_id = any(cast(?1 as text[])) or child_id = any(cast(?2 as text[]))",
                households, personIds);
        List<DeathFact> deaths = entities(DeathFact.class,
                "select * from death_fact where household_id = any(cast(?1 as text[])) or person_id = any(cast(?2 as text[]))",
                households, personIds);

        Map<String, Gathered> gathered = new LinkedHashMap<>();
        for (String scope : scopes) {
            String householdId = scope.startsWith(PERSON_SCOPE) ? null : scope;
            Gathered facts = new Gathered(householdId, snapshots.getOrDefault(scope, List.of()));
            if (householdId == null) {
                String personId = scope.substring(PERSON_SCOPE.length());
                births.stream().filter(b -> b.childId.equals(personId) && b.householdId == null).forEach(facts.births::add);
                deaths.stream().filter(d -> d.personId.equals(personId) && d.householdId == null).forEach(facts.deaths::add);
            } else {
                Set<String> people = members.getOrDefault(scope, Set.of());
                births.stream().filter(b -> householdId.equals(b.householdId) || people.contains(b.childId))
                        .forEach(facts.births::add);
                deaths.stream().filter(d -> householdId.equals(d.householdId) || people.contains(d.personId))
                        .forEach(facts.deaths::add);
            }
            gathered.put(scope, facts);
        }

        Set<String> concerned = new LinkedHashSet<>();
        Set<String> children = new LinkedHashSet<>();
        gathered.values().forEach(g -> {
            concerned.addAll(g.concerned());
            children.addAll(g.children());
        });
        Map<String, List<ConsentGrant>> consents = new HashMap<>();
        for (ConsentFact fact : entities(ConsentFact.class,
                "select * from consent_fact where person_id = any(cast(?1 as text[]))",
                concerned)) {
            consents.put(fact.personId, fact.consents);
        }
        Map<String, List<HouseholdFacts.Confirmation>> confirmations = confirmationsOf(scopes);
        List<RecipientHandover> handovers = entities(RecipientHandover.class,
                "select * from recipient_handover where child_id = any(cast(?1 as text[]))", children);

        Map<String, HouseholdFacts> loaded = new LinkedHashMap<>();
        gathered.forEach((scope, g) -> {
            Map<String, List<ConsentGrant>> theirConsents = new HashMap<>();
            g.concerned().forEach(personId -> {
                List<ConsentGrant> grants = consents.get(personId);
                if (grants != null) {
                    theirConsents.put(personId, grants);
                }
            });
            Set<String> theirChildren = g.children();
            List<HouseholdFacts.Handover> theirHandovers = handovers.stream()
                    .filter(h -> theirChildren.contains(h.childId))
                    .map(h -> new HouseholdFacts.Handover(h.childId, h.fromPersonId, h.toPersonId, h.effectiveFrom,
                            h.requestedAt))
                    .toList();
            loaded.put(scope, new HouseholdFacts(scope, g.householdId, today, now, g.snapshots,
                    g.births.stream().map(FactsLoader::birth).toList(), g.deaths.stream().map(FactsLoader::death).toList(),
                    theirConsents, Map.of(), confirmations.getOrDefault(scope, List.of()), theirHandovers));
        });
        return loaded;
    }

    /** What bears on one scope before consents and hand-overs, which hang on the people named here. */
    private static final class Gathered {

        final String householdId;
        final List<Snapshot> snapshots;
        final List<BirthFact> births = new ArrayList<>();
        final List<DeathFact> deaths = new ArrayList<>();

        Gathered(String householdId, List<Snapshot> snapshots) {
            this.householdId = householdId;
            this.snapshots = snapshots;
        }

        /** Everyone whose consents bear on the scope: its people, the births' parents, guardians and survivors. */
        Set<String> concerned() {
            Set<String> concerned = membersOf(snapshots);
            births.forEach(b -> {
                concerned.add(b.childId);
                add(concerned, b.motherId);
                add(concerned, b.fatherId);
            });
            snapshots.forEach(s -> s.members().forEach(m -> {
                concerned.addAll(m.legalParentIds());
                concerned.addAll(m.guardianIds());
            }));
            deaths.forEach(d -> {
                add(concerned, d.spouseId);
                d.householdMembers.forEach(r -> concerned.add(r.personId()));
                d.minorChildren.forEach(c -> {
                    concerned.addAll(c.survivingParentIds());
                    concerned.addAll(c.guardianIds());
                });
            });
            return concerned;
        }

        /** The children whose hand-overs bear on the scope (everyone in the household, as any of them may be one). */
        Set<String> children() {
            Set<String> children = membersOf(snapshots);
            births.forEach(b -> children.add(b.childId));
            return children;
        }
    }

    private Map<String, List<Snapshot>> snapshotsOf(Set<String> households) {
        Map<String, List<Snapshot>> snapshots = new HashMap<>();
        if (households.isEmpty()) {
            return snapshots;
        }
        for (HouseholdSnapshotFact fact : HouseholdSnapshotFact.<HouseholdSnapshotFact> list(
                "householdId in ?1 order by householdId, version", households)) {
            snapshots.computeIfAbsent(fact.householdId, h -> new ArrayList<>()).add(new Snapshot(fact.version,
                    fact.effectiveFrom, fact.reason, fact.correlationId, fact.receivedAt, fact.snapshot.members()));
        }
        return snapshots;
    }

    private static Set<String> membersOf(List<Snapshot> snapshots) {
        Set<String> people = new LinkedHashSet<>();
        snapshots.forEach(s -> s.members().forEach(m -> people.add(m.personId())));
        return people;
    }

    /** The confirmations of each scope's entitlements, by the scope that holds the entitlement now. */
    private Map<String, List<HouseholdFacts.Confirmation>> confirmationsOf(Collection<String> scopes) {
        Map<String, List<HouseholdFacts.Confirmation>> confirmations = new HashMap<>();
        List<Object[]> rows = entityManager.createQuery("""
                select c, e.scope from Confirmation c join Entitlement e on e.entitlementKey = c.entitlementKey
                where e.scope in ?1""", Object[].class)
                .setParameter(1, scopes)
                .getResultList();
        for (Object[] row : rows) {
            Confirmation c = (Confirmation) row[0];
            confirmations.computeIfAbsent((String) row[1], s -> new ArrayList<>())
                    .add(new HouseholdFacts.Confirmation(c.entitlementKey, c.personId, c.confirmedAt));
        }
        return confirmations;
    }

    /** The entities a native statement selects, its parameters passed as arrays (one statement for any number). */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    private <T> List<T> entities(Class<T> type, String sql, Collection<String>... ids) {
        if (Arrays.stream(ids).allMatch(Collection::isEmpty)) {
            return List.of();
        }
        Query query = entityManager.createNativeQuery(sql, type);
        for (int i = 0; i < ids.length; i++) {
            query.setParameter(i + 1, ids[i].toArray(String[]::new));
        }
        return query.getResultList();
    }

    public static Birth birth(BirthFact fact) {
        return new Birth(fact.registrationId, fact.childId, fact.givenNames, fact.birthDate,
                parent(fact.motherId, fact.motherInRegister), parent(fact.fatherId, fact.fatherInRegister),
                fact.childrenInBirth, fact.birthOrder, fact.householdId, fact.correlationId, fact.registeredAt,
                fact.revokedAt != null, fact.recordFrom, fact.earlier);
    }

    /** See {@link BirthFact}: no id and not in the register is a parent named without an id; no id otherwise, none. */
    private static Parent parent(String personId, boolean inRegister) {
        if (personId != null) {
            return new Parent(personId, inRegister);
        }
        return inRegister ? null : new Parent(null, false);
    }

    static Death death(DeathFact fact) {
        return new Death(fact.registrationId, fact.personId, fact.birthDate, fact.dateOfDeath, fact.householdId,
                fact.spouseId, fact.householdMembers, fact.minorChildren, fact.correlationId, fact.registeredAt,
                fact.revokedAt != null);
    }

    /** Members as rules read them. */
    public static Member member(org.lifeevents.events.registry.HouseholdMember m) {
        return new Member(m.getPersonId(), m.getGivenNames(), m.getSex(), m.getBirthDate(), m.getDateOfDeath(),
                m.getMemberSince(), m.getInPopulationRegister(), m.getSpouseId(), List.copyOf(m.getLegalParentIds()),
                List.copyOf(m.getGuardianIds()), m.getChildrenInBirth(), m.getBirthOrder());
    }

    private static void add(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
