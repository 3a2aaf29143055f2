package org.lifeevents.eligibility.intake;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.eligibility.cases.CaseCloser;
import org.lifeevents.eligibility.cases.CaseType;
import org.lifeevents.eligibility.facts.PayoutAccountFact;
import org.lifeevents.events.Events;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;

/**
 * Whether each person has a payout account. It changes no decision (automatic grants are granted at once and accrue
 * until an account is known); the citizen's view shows a missing account. An account that arrives closes the person's
 * NO_PAYOUT_ACCOUNT case.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PayoutAccountIntake {

    @Inject
    Clock clock;

    @Inject
    CaseCloser cases;

    public void handle(SpecificRecord event) {
        if (!(event instanceof PayoutAccountChangedEvent changed)) {
            throw new RejectedEventException("Not a payout-account event: " + Events.type(event));
        }
        Checks.personId(changed.getPersonId(), "personId");
        PayoutAccountFact fact = PayoutAccountFact.findById(changed.getPersonId());
        boolean known = fact != null;
        if (!known) {
            fact = new PayoutAccountFact();
            fact.personId = changed.getPersonId();
        }
        fact.accountKnown = changed.getAccountKnown();
        fact.source = changed.getSource();
        fact.since = changed.getSince();
        fact.receivedAt = clock.instant();
        if (!known) {
            fact.persist();
        }
        if (fact.accountKnown) {
            cases.closeKeys(List.of(CaseType.NO_PAYOUT_ACCOUNT.name() + ":" + fact.personId.trim()),
                    "A payout account (" + fact.source + ", since " + fact.since + ") is now known for "
                            + fact.personId.trim() + "; what they are owed is paid in the next run.");
        }
    }
}
