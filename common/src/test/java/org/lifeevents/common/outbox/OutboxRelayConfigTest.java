package org.lifeevents.common.outbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's Kafka clients get what a real cluster asks of every client of the service, not the bootstrap alone. */
class OutboxRelayConfigTest {

    private static final Map<String, Object> SECURED_CLUSTER = Map.of(
            "bootstrap.servers", "kafka-0.kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.id", "payment-service",
            "acks", "1",
            "enable.idempotence", "false");

    @Test
    void theProducerTakesTheClustersSecurityAndKeepsItsExactlyOnceSettings() {
        Map<String, Object> config = OutboxRelay.producerConfig(SECURED_CLUSTER, "payment-service");

        assertThat(config).containsEntry("bootstrap.servers", "kafka-0.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("transactional.id", "payment-service-outbox-relay")
                .doesNotContainKey("group.id");
    }

    @Test
    void theProgressReaderTakesTheClustersSecurityAndCommitsNothing() {
        Map<String, Object> config = OutboxRelay.progressReaderConfig(SECURED_CLUSTER);

        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", SECURED_CLUSTER.get("sasl.jaas.config"))
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", "false")
                .doesNotContainKeys("group.id", "acks", "enable.idempotence");
    }
}
