package org.lifeevents.eligibility.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
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

    public static String scopeOfBirth(BirthFact birth) {
        return birth.householdId != null ? birth.householdId : PERSON_SCOPE + birth.childId;
    }

    public HouseholdFacts load(String scope, LocalDate today, Instant now) {
        String householdId = scope.startsWith(PERSON_SCOPE) ? null : scope;
        List<Snapshot> snapshots = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        List<BirthFact> births = new ArrayList<>();
        List<DeathFact> deaths = new ArrayList<>();
        if (householdId == null) {
            String personId = scope.substring(PERSON_SCOPE.length());
            BirthFact birth = BirthFact.findById(personId);
            if (birth != null && birth.householdId == null) {
                births.add(birth);
            }
            DeathFact death = DeathFact.findById(personId);
            if (death != null && death.householdId == null) {
                deaths.add(death);
            }
        } else {
            for (HouseholdSnapshotFact fact : HouseholdSnapshotFact.of(householdId)) {
                snapshots.add(new Snapshot(fact.version, fact.effectiveFrom, fact.reason, fact.correlationId,
                        fact.receivedAt, fact.snapshot.members()));
                fact.snapshot.members().forEach(m -> people.add(m.personId()));
            }
            births.addAll(BirthFact.<BirthFact> list("householdId = ?1 or childId in ?2", householdId, nonEmpty(people)));
            deaths.addAll(DeathFact.<DeathFact> list("householdId = ?1 or personId in ?2", householdId, nonEmpty(people)));
        }
        Set<String> concerned = new LinkedHashSet<>(people);
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
        Map<String, List<ConsentGrant>> consents = new HashMap<>();
        for (ConsentFact fact : ConsentFact.<ConsentFact> list("personId in ?1", nonEmpty(concerned))) {
            consents.put(fact.personId, fact.consents);
        }
        List<HouseholdFacts.Confirmation> confirmations = Confirmation.<Confirmation> list(
                "entitlementKey in (select e.entitlementKey from Entitlement e where e.scope = ?1)", scope).stream()
                .map(c -> new HouseholdFacts.Confirmation(c.entitlementKey, c.personId, c.confirmedAt))
                .toList();
        Set<String> children = new LinkedHashSet<>(people);
        births.forEach(b -> children.add(b.childId));
        List<HouseholdFacts.Handover> handovers = RecipientHandover.<RecipientHandover> list("childId in ?1",
                nonEmpty(children)).stream()
                .map(h -> new HouseholdFacts.Handover(h.childId, h.fromPersonId, h.toPersonId, h.effectiveFrom,
                        h.requestedAt))
                .toList();
        return new HouseholdFacts(scope, householdId, today, now, snapshots, births.stream().map(FactsLoader::birth).toList(),
                deaths.stream().map(FactsLoader::death).toList(), consents, Map.of(), confirmations, handovers);
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

    /** JPQL "in" needs a non-empty list; a value that matches no person id stands for none. */
    private static Set<String> nonEmpty(Set<String> ids) {
        return ids.isEmpty() ? Set.of("-") : ids;
    }
}
