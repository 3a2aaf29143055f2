package org.lifeevents.deploy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed KafkaTopics are exactly what {@link Topics} and the services' consumers say. */
class TopicManifestsTest {

    private static final Path TOPICS = Repository.deploy().resolve("base/kafka/topics.yaml");

    @Test
    void committedKafkaTopicsAreTheOnesTheCodeDefines() {
        String generated = TopicManifests.render(Repository.root());

        assertThat(Repository.committed(TOPICS, generated))
                .as("%s differs from Topics and the services' dead-letter topics; regenerate it (see its header)", TOPICS)
                .isEqualTo(generated);
    }

    @Test
    void everyConfiguredDeadLetterTopicIsOneTheManifestsCreate() {
        var created = TopicManifests.deadLetterTopics(Repository.root()).stream().map(Topics.Definition::name).toList();

        for (Path file : TopicManifests.applicationProperties(Repository.root())) {
            Properties properties = TopicManifests.load(file);
            properties.stringPropertyNames().stream()
                    .filter(key -> key.endsWith(".dead-letter-queue.topic"))
                    .map(properties::getProperty)
                    .forEach(topic -> assertThat(created).as("dead-letter topic of %s", file).contains(topic));
        }
        assertThat(created).contains("registry.households.v1.eligibility-service.dead-letter");
    }
}
