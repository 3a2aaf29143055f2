package org.lifeevents.eligibility.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.facts.HouseholdSnapshotFact;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;

/**
 * What the population register's data says about itself, checked as each input arrives: an event naming a person the
 * register does not know opens an UNKNOWN_PERSON case at once, and a minor child held in the latest snapshots of two
 * households a HOUSEHOLD_CONFLICT case (the rules would count the child in both). Each case is keyed by the person, so
 * a repeated event opens nothing more, and closes by itself when the register settles it: the person appears, or a
 * household lets the child go.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RegisterChecks {

    @Inject
    CaseOpener opener;

    @Inject
    CaseCloser closer;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** {@code what} (an income assessment, a consent, ...) names a person no household or birth record names. */
    public void unknownPerson(String personId, String what, String correlationId) {
        opener.open(CaseOpener.Request.of(CaseType.UNKNOWN_PERSON, personId, what + " names " + personId
                + ", whom the population register does not know: nothing can be decided for them until the register "
                + "names them. Check the person id with the source; the case closes by itself when the register "
                + "names the person.").subject(personId).correlation(correlationId));
    }

    /** The register now names these people (a household or a birth): their UNKNOWN_PERSON cases close. */
    public void known(Collection<String> personIds, String how) {
        List<String> keys = personIds.stream().filter(Objects::nonNull).distinct()
                .map(id -> CaseType.UNKNOWN_PERSON.name() + ":" + id.trim()).toList();
        closer.closeKeys(keys, "The population register now names the person (" + how + ").");
    }

    /**
     * After a household's new snapshot: opens a HOUSEHOLD_CONFLICT case for each minor member held by another
     * household's latest snapshot as well, and closes the open ones the register no longer shows.
     */
    public void householdChanged(HouseholdSnapshotFact fact, String how) {
        LocalDate adultsBornBefore = LocalDate.now(clock).minusYears(18);
        List<String> minors = fact.snapshot.members().stream()
                .filter(m -> m.birthDate() != null && m.birthDate().isAfter(adultsBornBefore) && m.dateOfDeath() == null)
                .map(m -> m.personId().trim()).toList();
        // the children's other households, and the children of open conflicts linked to this household, in one query
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select trim(hp.person_id), hp.household_id from household_person hp
                where hp.person_id = any(cast(?1 as bpchar[])) and hp.household_id <> ?2
                union
                select trim(c.subject_person_id), others.household_id from caseworker_case c
                join household_person hp on hp.person_id = c.subject_person_id and hp.household_id = ?2
                join household_person others on others.person_id = c.subject_person_id and others.household_id <> ?2
                where c.case_type = 'HOUSEHOLD_CONFLICT' and c.status <> 'RESOLVED'
                """).setParameter(1, minors.toArray(String[]::new)).setParameter(2, fact.householdId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<String>> otherHouseholds = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> others = otherHouseholds.computeIfAbsent((String) row[0], k -> new ArrayList<>());
            if (!others.contains((String) row[1])) {
                others.add((String) row[1]);
            }
        }
        for (Map.Entry<String, List<String>> child : otherHouseholds.entrySet()) {
            List<String> holding = new ArrayList<>();
            if (minors.contains(child.getKey())) {
                holding.add(fact.householdId);
            }
            for (String other : child.getValue()) {
                if (latestHolds(other, child.getKey())) {
                    holding.add(other);
                }
            }
            String key = CaseType.HOUSEHOLD_CONFLICT.name() + ":" + child.getKey();
            if (holding.size() > 1) {
                opener.open(CaseOpener.Request.of(CaseType.HOUSEHOLD_CONFLICT, child.getKey(), "The child "
                        + child.getKey() + " is a member of " + holding.size() + " households in the population "
                        + "register at once (" + String.join(", ", holding) + ", after " + how + "): the child's "
                        + "benefits, sibling order and the large-family count cannot be decided for both. Ask the "
                        + "register which household holds the child; the case closes by itself when only one does.")
                        .subject(child.getKey()).household(fact.householdId).correlation(fact.correlationId));
            } else {
                closer.closeKeys(List.of(key), "The population register holds the child " + child.getKey()
                        + " in one household now" + (holding.isEmpty() ? "" : " (" + holding.get(0) + ")")
                        + " (" + how + ").");
            }
        }
    }

    private static boolean latestHolds(String householdId, String personId) {
        Optional<HouseholdSnapshotFact> latest = HouseholdSnapshotFact.of(householdId).stream()
                .max(Comparator.comparingLong(s -> s.version));
        return latest.map(s -> s.snapshot.members().stream().map(Member::personId).map(String::trim)
                .anyMatch(personId::equals)).orElse(false);
    }
}
