package org.lifeevents.events;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.events.consent.DataAccessedEvent;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.CaseResolvedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.eligibility.EntitlementStoppedEvent;
import org.lifeevents.events.eligibility.RecoveryClaimCancelledEvent;
import org.lifeevents.events.eligibility.RecoveryClaimEvent;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.payment.PaymentSentEvent;
import org.lifeevents.events.payment.PaymentSettledEvent;
import org.lifeevents.events.payment.PaymentsScheduledEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.events.registry.RegistrationRevokedEvent;
import org.lifeevents.events.tax.IncomeAssessedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;

/**
 * Every top-level event of the contract. A test checks this list against the schema files, so an event cannot be added
 * without being listed (and so without being checked for compatibility and decodable by every consumer).
 */
public final class EventTypes {

    public static final List<Class<? extends SpecificRecord>> ALL = List.of(
            BirthRegisteredEvent.class,
            DeathRegisteredEvent.class,
            RegistrationCorrectedEvent.class,
            RegistrationRevokedEvent.class,
            HouseholdChangedEvent.class,
            IncomeAssessedEvent.class,
            TaxRefundAccountEvent.class,
            ConsentChangedEvent.class,
            DataAccessedEvent.class,
            PayoutAccountChangedEvent.class,
            EntitlementDecidedEvent.class,
            EntitlementChangedEvent.class,
            EntitlementStoppedEvent.class,
            RecoveryClaimEvent.class,
            RecoveryClaimCancelledEvent.class,
            CaseOpenedEvent.class,
            CaseResolvedEvent.class,
            PaymentScheduledEvent.class,
            PaymentSentEvent.class,
            PaymentSettledEvent.class,
            PaymentFailedEvent.class,
            PaymentsScheduledEvent.class,
            PaymentsSentEvent.class,
            PaymentsSettledEvent.class);

    private EventTypes() {
    }
}
