package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.eligibility.cases.RegisterChecks;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.decision.Trigger;
import org.lifeevents.eligibility.facts.ConsentFact;
import org.lifeevents.eligibility.facts.HouseholdPerson;
import org.lifeevents.eligibility.rules.HouseholdFacts;
import org.lifeevents.events.Events;
import org.lifeevents.events.consent.ConsentChangedEvent;

/**
 * A person's whole consent state from the consent service. The local copy decides when the engine asks the consent
 * service (a new consent completes a waiting parental benefit by itself); the person's households are decided again.
 * A consent of a person the register does not know opens a case.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ConsentIntake {

    @Inject
    Clock clock;

    @Inject
    HouseholdDecisions decisions;

    @Inject
    RegisterChecks register;

    public void handle(SpecificRecord event) {
        if (!(event instanceof ConsentChangedEvent changed)) {
            throw new RejectedEventException("Not a consent event: " + Events.type(event));
        }
        Checks.personId(changed.getPersonId(), "personId");
        ConsentFact fact = ConsentFact.findById(changed.getPersonId());
        if (fact != null && fact.occurredAt.isAfter(changed.getOccurredAt())) {
            return;
        }
        boolean known = fact != null;
        if (!known) {
            fact = new ConsentFact();
            fact.personId = changed.getPersonId();
        }
        fact.consents = changed.getConsents().stream()
                .map(c -> new HouseholdFacts.ConsentGrant(c.getConsentId(), c.getPurpose(), c.getDataCategories(),
                        c.getValidFrom(), c.getValidUntil(), c.getRevokedAt()))
                .toList();
        fact.occurredAt = changed.getOccurredAt();
        fact.receivedAt = clock.instant();
        if (!known) {
            fact.persist();
        }
        List<String> households = HouseholdPerson.householdsOf(changed.getPersonId());
        if (households.isEmpty()) {
            register.unknownPerson(changed.getPersonId(), "The consent " + changed.getChangedConsentId() + " ("
                    + changed.getChange() + ") from the consent service", changed.getCorrelationId());
        }
        decisions.evaluate(households, new Trigger("ConsentChangedEvent "
                + changed.getEventId() + " (" + changed.getChange() + " consent " + changed.getChangedConsentId() + " of "
                + changed.getPersonId() + ")", changed.getCorrelationId()));
    }
}
