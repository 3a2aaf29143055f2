package org.lifeevents.common.outbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/** Runs the service's {@link OutboxRelay} for the life of the application and reports it in health and metrics. */
@ApplicationScoped
public class OutboxRelayService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    /** Every {@code kafka.*} setting of the service, as Quarkus hands it to its Kafka clients. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClient;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private OutboxRelay relay;

    void onStart(@Observes StartupEvent event) {
        relay = new OutboxRelay(dataSource, kafkaClient, applicationName, config.batchSize(), config.idlePoll(),
                config.retention());
        Gauge.builder("outbox.relay.published", relay, OutboxRelay::publishedCount)
                .description("Outbox rows published since start")
                .register(meters);
        if (config.relayEnabled()) {
            relay.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
    }

    public OutboxRelay relay() {
        return relay;
    }

    /** Stops the relay; unpublished rows wait for {@link #start()}. */
    public void stop() {
        relay.stop();
    }

    public void start() {
        relay.start();
    }

    @Readiness
    @ApplicationScoped
    static class RelayHealth implements HealthCheck {

        @Inject
        OutboxRelayService service;

        @Inject
        OutboxConfig config;

        @Override
        public HealthCheckResponse call() {
            // Through the method: a field read on the injected client proxy would not reach the bean.
            OutboxRelay relay = service.relay();
            boolean up = !config.relayEnabled() || (relay != null && relay.isRunning());
            return HealthCheckResponse.named("outbox-relay")
                    .status(up)
                    .withData("leading", relay != null && relay.isLeading())
                    .withData("published", relay == null ? 0 : relay.publishedCount())
                    .build();
        }
    }
}
