package org.lifeevents.payment.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.deadletter.DeadLetterRoutes;
import org.lifeevents.common.intake.BatchHandler;
import org.lifeevents.common.intake.BatchIntake;
import org.lifeevents.common.intake.EventHandler;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.HouseholdMember;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.events.registry.RegistrationRevokedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;
import org.lifeevents.payment.account.PayoutAccountService;
import org.lifeevents.payment.entitlement.EntitlementStore;
import org.lifeevents.payment.person.PersonRegister;
import org.lifeevents.payment.recovery.RecoveryService;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Takes what the payment service acts on off its topics, once each and a whole poll per transaction (the intake
 * deduplicates on the event ids in the handling transaction, see {@link BatchIntake}): entitlements and recovery claims (and
 * their
 * cancellations) from eligibility, deaths and names from the registry, refund
 * accounts from the tax authority. Kafka transport only; the handling is in the feature services.
 */
@ApplicationScoped
public class InputConsumers implements DeadLetterRoutes {

    public static final String ENTITLEMENTS = "entitlements";
    public static final String REGISTRATIONS = "registrations";
    public static final String HOUSEHOLDS = "households";
    public static final String TAX_REFUND_ACCOUNTS = "tax-refund-accounts";

    /* The intake's consumer names: each event is recorded once under its consumer's name. */
    private static final String ENTITLEMENTS_CONSUMER = "payment.entitlements";
    private static final String REGISTRATIONS_CONSUMER = "payment.registrations";
    private static final String HOUSEHOLDS_CONSUMER = "payment.households";
    private static final String TAX_REFUND_ACCOUNTS_CONSUMER = "payment.tax-refund-accounts";

    @Inject
    BatchIntake intake;

    @Inject
    EntityManager session;

    @Inject
    EntitlementStore entitlements;

    @Inject
    RecoveryService recovery;

    @Inject
    PersonRegister persons;

    @Inject
    PayoutAccountService accounts;

    @Incoming(ENTITLEMENTS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onEntitlement(KafkaRecordBatch<String, byte[]> batch) {
        return accept(ENTITLEMENTS_CONSUMER, batch, this::handleEntitlement);
    }

    @Incoming(REGISTRATIONS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onRegistration(KafkaRecordBatch<String, byte[]> batch) {
        return accept(REGISTRATIONS_CONSUMER, batch, this::handleRegistration);
    }

    @Incoming(HOUSEHOLDS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onHousehold(KafkaRecordBatch<String, byte[]> batch) {
        return intake.accept(HOUSEHOLDS_CONSUMER, batch, this::handleHouseholds, this::handleHousehold);
    }

    @Incoming(TAX_REFUND_ACCOUNTS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onTaxRefundAccount(KafkaRecordBatch<String, byte[]> batch) {
        return accept(TAX_REFUND_ACCOUNTS_CONSUMER, batch, this::handleTaxRefundAccount);
    }

    /** A dead-lettered record goes back to the consumer of its topic, handled on its own as after a refused batch. */
    @Override
    public Optional<Route> route(String sourceTopic) {
        return Optional.ofNullable(Map.of(
                Topics.ENTITLEMENTS, new Route(ENTITLEMENTS_CONSUMER, this::handleEntitlement),
                Topics.REGISTRATIONS, new Route(REGISTRATIONS_CONSUMER, this::handleRegistration),
                Topics.HOUSEHOLDS, new Route(HOUSEHOLDS_CONSUMER, this::handleHousehold),
                Topics.TAX_REFUND_ACCOUNTS, new Route(TAX_REFUND_ACCOUNTS_CONSUMER, this::handleTaxRefundAccount))
                .get(sourceTopic));
    }

    private CompletionStage<Void> accept(String consumer, KafkaRecordBatch<String, byte[]> batch, EventHandler handler) {
        return intake.accept(consumer, batch, BatchHandler.eachOf(handler, session), handler);
    }

    void handleEntitlement(SpecificRecord event) {
        if (event instanceof EntitlementDecidedEvent decided) {
            entitlements.decided(decided);
        } else if (event instanceof EntitlementChangedEvent changed) {
            entitlements.changed(changed);
        } else if (event instanceof EntitlementStoppedEvent stopped) {
            entitlements.stopped(stopped);
        } else if (event instanceof RecoveryClaimEvent claim) {
            recovery.claimed(claim);
        } else if (event instanceof RecoveryClaimCancelledEvent cancelled) {
            recovery.cancelled(cancelled);
        }
    }

    void handleRegistration(SpecificRecord event) {
        if (event instanceof DeathRegisteredEvent death) {
            persons.died(death.getDeath().getPersonId(), death.getDeath().getDateOfDeath(),
                    death.getDeath().getRegistrationId());
        } else if (event instanceof RegistrationCorrectedEvent corrected && corrected.getCorrectedDeath() != null) {
            var death = corrected.getCorrectedDeath();
            persons.died(death.getPersonId(), death.getDateOfDeath(), death.getRegistrationId());
        } else if (event instanceof RegistrationRevokedEvent revoked && "DEATH".equals(revoked.getRegistrationKind())) {
            persons.deathRevoked(revoked.getSubjectPersonId(), revoked.getRegistrationId());
        }
    }

    void handleHousehold(SpecificRecord event) {
        handleHouseholds(List.of(event));
    }

    /** The names a poll of household versions gives, in one statement: the latest version read names each person. */
    void handleHouseholds(List<SpecificRecord> events) {
        Map<String, String> names = new LinkedHashMap<>();
        for (SpecificRecord event : events) {
            if (event instanceof HouseholdChangedEvent household) {
                for (HouseholdMember member : household.getMembers()) {
                    names.put(member.getPersonId(), (member.getGivenNames() + " " + member.getFamilyName()).trim());
                }
            }
        }
        persons.named(names);
    }

    void handleTaxRefundAccount(SpecificRecord event) {
        if (event instanceof TaxRefundAccountEvent account) {
            accounts.taxRecorded(account.getPersonId(), account.getIban(), account.getRecordedOn(),
                    account.getCorrelationId());
        }
    }
}
