package org.lifeevents.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service's Kafka client settings (Quarkus's {@code default-kafka-broker} map: every {@code kafka.*} setting, TLS and
 * SASL included) for a client the service builds itself, so it reaches the cluster as the service's channels do.
 */
public final class KafkaClientSettings {

    /** Read by Quarkus's SSL engine factory, which the settings name when a TLS registry entry is used. */
    private static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    private KafkaClientSettings() {
    }

    /**
     * The settings the client knows ({@code ProducerConfig.configNames()} or {@code ConsumerConfig.configNames()}), and
     * the TLS registry name; the rest (a group id for a producer, say) would only be logged as unknown.
     */
    public static Map<String, Object> known(Map<String, Object> settings, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        settings.forEach((key, value) -> {
            if (names.contains(key) || TLS_CONFIGURATION_NAME.equals(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
