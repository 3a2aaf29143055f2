package org.lifeevents.events.wire;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract loaded by a class loader of its own, below the one that loaded Avro (which cannot see the contract),
 * as Quarkus tests and application servers do: optional (union) dates must still round-trip, which needs the generated classes'
 * conversions.
 */
class OwnClassLoaderTest {

    @Test
    void anOptionalDateRoundTripsWhenTheContractHasItsOwnClassLoader() throws Exception {
        try (URLClassLoader avro = new URLClassLoader(new URL[] { jarOf(org.apache.avro.Schema.class),
                jarOf(com.fasterxml.jackson.databind.JsonNode.class), jarOf(com.fasterxml.jackson.core.JsonFactory.class),
                jarOf(com.fasterxml.jackson.annotation.JsonAutoDetect.class), jarOf(org.slf4j.Logger.class) },
                ClassLoader.getPlatformClassLoader());
                URLClassLoader contract = new URLClassLoader(
                        new URL[] { jarOf(EventCodec.class), jarOf(OwnClassLoaderTest.class) }, avro)) {
            @SuppressWarnings("unchecked")
            Callable<Object> roundTrip = (Callable<Object>) contract.loadClass(RoundTrip.class.getName())
                    .getDeclaredConstructor().newInstance();

            assertThat(roundTrip.call()).isEqualTo(LocalDate.of(2026, 11, 1));
        }
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Runs inside the contract's own class loader: encodes and decodes an event with an optional date set. */
    public static class RoundTrip implements Callable<Object> {

        @Override
        public Object call() {
            PayoutAccountChangedEvent event = PayoutAccountChangedEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .setCorrelationId(Events.newCorrelationId())
                    .setPersonId("49403136515")
                    .setAccountKnown(true)
                    .setSource("CITIZEN")
                    .setSince(LocalDate.of(2026, 11, 1))
                    .build();
            return ((PayoutAccountChangedEvent) EventCodec.decode(EventCodec.encode(event))).getSince();
        }
    }
}
