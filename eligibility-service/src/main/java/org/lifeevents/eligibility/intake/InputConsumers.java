package org.lifeevents.eligibility.intake;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.intake.EventIntake;
import org.lifeevents.common.intake.RejectedEventException;
import org.lifeevents.eligibility.decision.BirthBenefits;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Takes the inputs the engine decides from off their topics into local tables, once each, and triggers the decisions
 * they make possible. Kafka transport only; handling is in the intake's transaction.
 */
@ApplicationScoped
public class InputConsumers {

    public static final String REGISTRATIONS = "registrations";
    public static final String HOUSEHOLDS = "households";
    public static final String PAYOUT_ACCOUNTS = "payout-accounts";

    @Inject
    EventIntake intake;

    @Inject
    BirthBenefits birthBenefits;

    @Inject
    ObjectMapper json;

    @Incoming(REGISTRATIONS)
    @Blocking
    public void onRegistration(byte[] payload) {
        intake.accept("eligibility.registrations", payload, this::handleRegistration);
    }

    @Incoming(HOUSEHOLDS)
    @Blocking
    public void onHousehold(byte[] payload) {
        intake.accept("eligibility.households", payload, this::handleHousehold);
    }

    @Incoming(PAYOUT_ACCOUNTS)
    @Blocking
    public void onPayoutAccount(byte[] payload) {
        intake.accept("eligibility.payout-accounts", payload, this::handlePayoutAccount);
    }

    void handleRegistration(SpecificRecord event) {
        if (event instanceof BirthRegisteredEvent birth) {
            BirthFact fact = BirthFact.findById(birth.getBirth().getChildId());
            if (fact != null) {
                return;
            }
            fact = new BirthFact();
            var record = birth.getBirth();
            fact.childId = record.getChildId();
            fact.registrationId = record.getRegistrationId();
            fact.birthDate = record.getBirthDate();
            fact.motherId = record.getMother() == null ? null : record.getMother().getPersonId();
            fact.fatherId = record.getFather() == null ? null : record.getFather().getPersonId();
            fact.childrenInBirth = record.getChildrenInBirth();
            fact.birthOrder = record.getBirthOrder();
            fact.householdId = record.getHouseholdId();
            fact.correlationId = birth.getCorrelationId();
            fact.registeredAt = birth.getRegisteredAt();
            if (fact.motherId == null && fact.fatherId == null) {
                throw new RejectedEventException("Birth " + fact.registrationId + " names no parent with a person id");
            }
            fact.persist();
            birthBenefits.onBirth(fact);
        }
    }

    void handleHousehold(SpecificRecord event) {
        HouseholdChangedEvent changed = (HouseholdChangedEvent) event;
        HouseholdFact fact = HouseholdFact.findById(changed.getHouseholdId());
        if (fact != null && fact.version >= changed.getVersion()) {
            return;
        }
        boolean first = fact == null;
        if (first) {
            fact = new HouseholdFact();
            fact.householdId = changed.getHouseholdId();
        }
        fact.version = changed.getVersion();
        fact.effectiveFrom = changed.getEffectiveFrom();
        fact.receivedAt = Instant.now();
        try {
            fact.snapshot = json.writeValueAsString(HouseholdSnapshot.of(changed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (first) {
            fact.persist();
        }
        birthBenefits.onHousehold(fact);
    }

    void handlePayoutAccount(SpecificRecord event) {
        PayoutAccountChangedEvent changed = (PayoutAccountChangedEvent) event;
        PayoutAccountFact fact = PayoutAccountFact.findById(changed.getPersonId());
        boolean first = fact == null;
        if (first) {
            fact = new PayoutAccountFact();
            fact.personId = changed.getPersonId();
        }
        fact.accountKnown = changed.getAccountKnown();
        fact.source = changed.getSource();
        fact.since = changed.getSince();
        fact.receivedAt = Instant.now();
        if (first) {
            fact.persist();
        }
    }
}
