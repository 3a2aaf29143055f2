package org.lifeevents.localservers;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.localservers.testing.SharedServers;

import static org.assertj.core.api.Assertions.assertThat;

/** The launchers start real servers that answer real clients. */
class LocalServersTest {

    @Test
    void kafkaCreatesTheContractTopicsAndCarriesRecords() throws Exception {
        KafkaServer kafka = SharedServers.kafka();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.HOUSEHOLDS, Topics.REGISTRATIONS))
                    .allTopicNames().get();
            assertThat(topics.get(Topics.REGISTRATIONS).partitions()).hasSize(SharedServers.TEST_PARTITIONS);
            ConfigResource households = new ConfigResource(ConfigResource.Type.TOPIC, Topics.HOUSEHOLDS);
            assertThat(admin.describeConfigs(List.of(households)).all().get().get(households).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "k", "hello")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "smoke");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        }
    }

    @Test
    void postgresServesADatabasePerService() throws Exception {
        PostgresServer postgres = SharedServers.postgres("smoke_db");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("smoke_db"), PostgresServer.USER,
                PostgresServer.PASSWORD);
                ResultSet rs = connection.createStatement().executeQuery("select current_database(), version()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("smoke_db");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void keycloakIssuesTokensWithRolesAndThePersonId() {
        KeycloakTokens tokens = SharedServers.keycloak().tokens();

        String registry = claims(tokens.registry());
        String kati = claims(tokens.person("kati"));

        assertThat(registry).contains("\"registry\"").contains("lifeevents-api");
        assertThat(kati).contains("\"citizen\"").contains("\"person_id\":\"49403136515\"").contains("lifeevents-api");
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
