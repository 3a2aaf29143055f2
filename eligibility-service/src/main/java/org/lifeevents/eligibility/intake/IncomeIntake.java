package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.time.Year;
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
import org.lifeevents.eligibility.facts.HouseholdPerson;
import org.lifeevents.eligibility.facts.IncomeFact;
import org.lifeevents.events.Events;
import org.lifeevents.events.tax.IncomeAssessedEvent;

/**
 * Assessed incomes from the tax authority: the latest assessment of each person and year is kept (held, not read: a
 * decision reads it only under consent). A new assessment decides the person's households again; one for a person the
 * register does not know opens a case.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class IncomeIntake {

    @Inject
    HouseholdDecisions decisions;

    @Inject
    Clock clock;

    @Inject
    RegisterChecks register;

    public void handle(SpecificRecord event) {
        if (!(event instanceof IncomeAssessedEvent assessed)) {
            throw new RejectedEventException("Not an income event: " + Events.type(event));
        }
        Checks.personId(assessed.getPersonId(), "personId");
        if (assessed.getTaxableIncomeCents() < 0) {
            throw new RejectedEventException("Taxable income below zero for " + assessed.getAssessmentId());
        }
        if (assessed.getTaxYear() < 1900 || assessed.getTaxYear() > Year.now(clock).getValue()) {
            throw new RejectedEventException("Tax year " + assessed.getTaxYear() + " is not a past year");
        }
        IncomeFact fact = IncomeFact.findById(new IncomeFact.Key(assessed.getPersonId(), assessed.getTaxYear()));
        if (fact != null && (fact.assessmentId.equals(assessed.getAssessmentId())
                || fact.assessedAt.isAfter(assessed.getAssessedAt()))) {
            return;
        }
        boolean known = fact != null;
        if (!known) {
            fact = new IncomeFact();
            fact.personId = assessed.getPersonId();
            fact.taxYear = assessed.getTaxYear();
        }
        fact.taxableIncomeCents = assessed.getTaxableIncomeCents();
        fact.assessmentId = assessed.getAssessmentId();
        fact.assessedAt = assessed.getAssessedAt();
        fact.correlationId = assessed.getCorrelationId();
        fact.receivedAt = clock.instant();
        if (!known) {
            fact.persist();
        }
        List<String> households = HouseholdPerson.householdsOf(assessed.getPersonId());
        if (households.isEmpty()) {
            register.unknownPerson(assessed.getPersonId(), "The income assessment " + assessed.getAssessmentId()
                    + " for " + assessed.getTaxYear() + " from the tax authority", assessed.getCorrelationId());
        }
        decisions.evaluate(households, new Trigger("IncomeAssessedEvent "
                + assessed.getEventId() + " (income " + assessed.getTaxYear() + " of " + assessed.getPersonId() + ")",
                assessed.getCorrelationId()));
    }
}
