package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.eligibility.cases.RegisterChecks;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.eligibility.facts.FactsLoader;
import org.lifeevents.eligibility.facts.HouseholdPerson;
import org.lifeevents.eligibility.facts.HouseholdSnapshotFact;
import org.lifeevents.events.Events;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMember;

/**
 * Household snapshots from the population register, each kept with its effective date next to the earlier ones (rules
 * read the situation on any day); a new version decides the household again. Loading a household is a trigger just as
 * a birth is: children already registered are owed their monthly benefits. The people it names are known to the
 * register from then on, and a child it shares with another household is a case.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class HouseholdIntake {

    @Inject
    Clock clock;

    @Inject
    HouseholdDecisions decisions;

    @Inject
    EntityManager entityManager;

    @Inject
    RegisterChecks register;

    public void handle(SpecificRecord event) {
        if (!(event instanceof HouseholdChangedEvent changed)) {
            throw new RejectedEventException("Not a household event: " + Events.type(event));
        }
        for (HouseholdMember member : changed.getMembers()) {
            Checks.personId(member.getPersonId(), "members.personId");
            member.getLegalParentIds().forEach(p -> Checks.personId(p, "members.legalParentIds"));
            member.getGuardianIds().forEach(g -> Checks.personId(g, "members.guardianIds"));
        }
        String householdId = changed.getHouseholdId();
        if (HouseholdSnapshotFact.findById(new HouseholdSnapshotFact.Key(householdId, changed.getVersion())) != null) {
            return;
        }
        HouseholdSnapshotFact fact = new HouseholdSnapshotFact();
        fact.householdId = householdId;
        fact.version = changed.getVersion();
        fact.effectiveFrom = changed.getEffectiveFrom();
        fact.reason = changed.getReason();
        fact.correlationId = changed.getCorrelationId();
        fact.receivedAt = clock.instant();
        fact.snapshot = new HouseholdSnapshotFact.Snapshot(changed.getMembers().stream().map(FactsLoader::member).toList());
        fact.persist();
        List<String> people = new ArrayList<>();
        for (HouseholdMember member : changed.getMembers()) {
            people.add(member.getPersonId());
            people.addAll(member.getLegalParentIds());
            people.addAll(member.getGuardianIds());
        }
        HouseholdPerson.link(entityManager, people, householdId);
        String how = "household " + householdId + " version " + changed.getVersion();
        register.known(people, how);
        register.householdChanged(fact, how);
        decisions.evaluate(householdId, new Trigger("HouseholdChangedEvent " + changed.getEventId() + " (household "
                + householdId + " version " + changed.getVersion() + ", " + changed.getReason() + ")",
                changed.getCorrelationId()));
    }
}
