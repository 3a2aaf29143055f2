package org.lifeevents.eligibility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.intake.EventIntake;
import org.lifeevents.eligibility.payment.PaymentIntake;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Takes the inputs the engine decides from off their topics, once each and in order per key, and hands them to their
 * handlers inside the intake's transaction. Kafka transport only.
 */
@ApplicationScoped
public class InputConsumers {

    public static final String REGISTRATIONS = "registrations";
    public static final String HOUSEHOLDS = "households";
    public static final String INCOMES = "incomes";
    public static final String CONSENTS = "consents";
    public static final String PAYOUT_ACCOUNTS = "payout-accounts";
    public static final String PAYMENTS = "payments";

    @Inject
    EventIntake intake;

    @Inject
    RegistrationIntake registrations;

    @Inject
    HouseholdIntake households;

    @Inject
    IncomeIntake incomes;

    @Inject
    ConsentIntake consents;

    @Inject
    PayoutAccountIntake payoutAccounts;

    @Inject
    PaymentIntake payments;

    @Incoming(REGISTRATIONS)
    @Blocking
    public void onRegistration(byte[] payload) {
        intake.accept("eligibility.registrations", payload, registrations::handle);
    }

    @Incoming(HOUSEHOLDS)
    @Blocking
    public void onHousehold(byte[] payload) {
        intake.accept("eligibility.households", payload, households::handle);
    }

    @Incoming(INCOMES)
    @Blocking
    public void onIncome(byte[] payload) {
        intake.accept("eligibility.incomes", payload, incomes::handle);
    }

    @Incoming(CONSENTS)
    @Blocking
    public void onConsent(byte[] payload) {
        intake.accept("eligibility.consents", payload, consents::handle);
    }

    @Incoming(PAYOUT_ACCOUNTS)
    @Blocking
    public void onPayoutAccount(byte[] payload) {
        intake.accept("eligibility.payout-accounts", payload, payoutAccounts::handle);
    }

    @Incoming(PAYMENTS)
    @Blocking
    public void onPayment(byte[] payload) {
        intake.accept("eligibility.payments", payload, payments::handle);
    }
}
