package org.lifeevents.eligibility.facts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.lifeevents.eligibility.rules.HouseholdFacts.Member;

/** What the held facts say about a person: their latest register entry, legal parents, and whether they died. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class People {

    /** The person's entry in the latest snapshot of any household that names them. */
    public Optional<Member> latestEntry(String personId) {
        return HouseholdPerson.householdsOf(personId).stream()
                .flatMap(h -> HouseholdSnapshotFact.of(h).stream())
                .sorted(Comparator.comparing((HouseholdSnapshotFact s) -> s.receivedAt).reversed())
                .flatMap(s -> s.snapshot.members().stream())
                .filter(m -> m.personId().equals(personId))
                .findFirst();
    }

    /** The child's legal parents: as the (unrevoked) birth record names them, else as the population register does. */
    public List<String> legalParentsOf(String childId) {
        BirthFact birth = BirthFact.findById(childId);
        if (birth != null && birth.revokedAt == null) {
            return java.util.stream.Stream.of(birth.motherId, birth.fatherId).filter(id -> id != null).toList();
        }
        return latestEntry(childId).map(Member::legalParentIds).orElse(List.of());
    }

    public boolean isDead(String personId) {
        DeathFact death = DeathFact.findById(personId);
        if (death != null) {
            return death.revokedAt == null;
        }
        return latestEntry(personId).map(m -> m.dateOfDeath() != null).orElse(false);
    }

    public String givenNames(String personId) {
        BirthFact birth = BirthFact.findById(personId);
        if (birth != null && birth.givenNames != null) {
            return birth.givenNames;
        }
        return latestEntry(personId).map(Member::givenNames).orElse(null);
    }
}
