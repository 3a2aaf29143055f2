package org.lifeevents.eligibility.decision;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The engine's clock: the day in Estonia decides which month a decision falls in. Tests may replace it. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Europe/Tallinn");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }
}
