package org.lifeevents.payment.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lifeevents.common.intake.EventIntake;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Entitlement events from eligibility, once each, into the payment schedule. */
@ApplicationScoped
public class EntitlementConsumer {

    public static final String CHANNEL = "entitlements";
    static final String GRANTED = "GRANTED";

    @Inject
    EventIntake intake;

    @Inject
    PaymentSchedule schedule;

    @Incoming(CHANNEL)
    @Blocking
    public void onEntitlement(byte[] payload) {
        intake.accept("payment.entitlements", payload, this::handle);
    }

    void handle(SpecificRecord event) {
        if (event instanceof EntitlementDecidedEvent decided && GRANTED.equals(decided.getStatus())) {
            schedule.granted(decided.getEntitlementId(), decided.getBenefit(), decided.getMonthly(), decided.getPeriods(),
                    decided.getCorrelationId());
        } else if (event instanceof EntitlementChangedEvent changed && GRANTED.equals(changed.getStatus())) {
            schedule.granted(changed.getEntitlementId(), changed.getBenefit(), changed.getMonthly(), changed.getPeriods(),
                    changed.getCorrelationId());
        }
    }
}
