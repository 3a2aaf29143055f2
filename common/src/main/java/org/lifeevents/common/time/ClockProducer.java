package org.lifeevents.common.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;

/**
 * Produces the one {@link Clock} of a service. Every class that needs the date or the time injects it; nothing reads the
 * wall clock itself, so a test fixes the business date it means and its expectations hold on any calendar day.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    /** Typed so that it does not offer a second {@link Clock}: tests that move the date inject it by this type. */
    @Produces
    @Singleton
    @Typed(BusinessClock.class)
    BusinessClock businessClock(TimeConfig config) {
        if (config.businessDate().isEmpty()) {
            return BusinessClock.system(config.zone());
        }
        if (!businessDateAllowed(config, LaunchMode.current())) {
            throw new IllegalStateException("lifeevents.time.business-date is set in production; a production service "
                    + "lives on the real date (set lifeevents.time.allow-business-date=true only on a demo stack)");
        }
        BusinessClock clock = BusinessClock.startingOn(config.businessDate().get(), config.zone());
        LOG.warnf("Business date %s in force: the service is not on the real date", clock.today());
        return clock;
    }

    /**
     * Whether the service may live on, or move to, a business date: always in dev and test mode, in production only if told.
     */
    static boolean businessDateAllowed(TimeConfig config, LaunchMode mode) {
        return mode != LaunchMode.NORMAL || config.allowBusinessDate();
    }

    @Produces
    @Singleton
    Clock clock(BusinessClock businessClock) {
        return businessClock;
    }
}
