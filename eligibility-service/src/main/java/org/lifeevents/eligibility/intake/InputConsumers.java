package org.lifeevents.eligibility.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.deadletter.DeadLetterRoutes;
import org.lifeevents.common.intake.BatchHandler;
import org.lifeevents.common.intake.BatchIntake;
import org.lifeevents.common.intake.EventHandler;
import org.lifeevents.eligibility.decision.HouseholdDecisions;
import org.lifeevents.eligibility.payment.PaymentIntake;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.HouseholdChangedEvent;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Takes the inputs the engine decides from off their topics, once each and in order per key, a whole poll at a time:
 * each poll's new events are handled in one transaction and every household they touch is decided once at its end
 * (see {@link BatchIntake}). Kafka transport only.
 */
@ApplicationScoped
public class InputConsumers implements DeadLetterRoutes {

    /** Births, deaths, corrections, revocations and household versions: the registry's two topics in one channel. */
    public static final String REGISTRY = "registry";
    public static final String INCOMES = "incomes";
    public static final String CONSENTS = "consents";
    public static final String PAYOUT_ACCOUNTS = "payout-accounts";
    public static final String PAYMENTS = "payments";

    /* The intake's consumer names: each event is recorded once under its consumer's name. */
    private static final String REGISTRY_CONSUMER = "eligibility.registry";
    private static final String INCOMES_CONSUMER = "eligibility.incomes";
    private static final String CONSENTS_CONSUMER = "eligibility.consents";
    private static final String PAYOUT_ACCOUNTS_CONSUMER = "eligibility.payout-accounts";
    private static final String PAYMENTS_CONSUMER = "eligibility.payments";

    @Inject
    BatchIntake intake;

    @Inject
    HouseholdDecisions decisions;

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

    /**
     * A registration and the household version it made are decided together when one poll holds both, instead of
     * once on each of two channels, the second waiting for the first's household lock.
     */
    @Incoming(REGISTRY)
    @Blocking
    public CompletionStage<Void> onRegistry(KafkaRecordBatch<String, byte[]> batch) {
        return accept(REGISTRY_CONSUMER, batch, this::handleRegistry);
    }

    private void handleRegistry(SpecificRecord event) {
        if (event instanceof HouseholdChangedEvent) {
            households.handle(event);
        } else {
            registrations.handle(event);
        }
    }

    @Incoming(INCOMES)
    @Blocking
    public CompletionStage<Void> onIncome(KafkaRecordBatch<String, byte[]> batch) {
        return accept(INCOMES_CONSUMER, batch, incomes::handle);
    }

    @Incoming(CONSENTS)
    @Blocking
    public CompletionStage<Void> onConsent(KafkaRecordBatch<String, byte[]> batch) {
        return accept(CONSENTS_CONSUMER, batch, consents::handle);
    }

    @Incoming(PAYOUT_ACCOUNTS)
    @Blocking
    public CompletionStage<Void> onPayoutAccount(KafkaRecordBatch<String, byte[]> batch) {
        return accept(PAYOUT_ACCOUNTS_CONSUMER, batch, payoutAccounts::handle);
    }

    @Incoming(PAYMENTS)
    @Blocking
    public CompletionStage<Void> onPayment(KafkaRecordBatch<String, byte[]> batch) {
        // reports of money paid decide nothing; they lock the households they concern up front
        return intake.accept(PAYMENTS_CONSUMER, batch, payments::handleAll, payments::handle);
    }

    /** A dead-lettered record goes back to the consumer of its topic, handled on its own as after a refused batch. */
    @Override
    public Optional<Route> route(String sourceTopic) {
        return Optional.ofNullable(Map.of(
                Topics.REGISTRATIONS, new Route(REGISTRY_CONSUMER, this::handleRegistry),
                Topics.HOUSEHOLDS, new Route(REGISTRY_CONSUMER, this::handleRegistry),
                Topics.INCOMES, new Route(INCOMES_CONSUMER, incomes::handle),
                Topics.CONSENTS, new Route(CONSENTS_CONSUMER, consents::handle),
                Topics.PAYOUT_ACCOUNTS, new Route(PAYOUT_ACCOUNTS_CONSUMER, payoutAccounts::handle),
                Topics.PAYMENTS, new Route(PAYMENTS_CONSUMER, payments::handle)).get(sourceTopic));
    }

    /** Handles the poll's events in order, then decides each household they touched once. */
    private CompletionStage<Void> accept(String consumer, KafkaRecordBatch<String, byte[]> batch, EventHandler handler) {
        BatchHandler decidingOnce = events -> decisions.onceEach(() -> events.forEach(handler::handle));
        return intake.accept(consumer, batch, decidingOnce, handler);
    }
}
