package org.lifeevents.localservers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lifeevents.events.Topics;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM, with its log under a
 * directory we choose. Built on SmallRye's embedded broker; we add fixed ports and kept data for the local stack, and
 * the project's topics.
 */
public final class KafkaServer implements AutoCloseable {

    /** Fixed so a kept log directory is recognised on the next start. */
    private static final String CLUSTER_ID = "bGlmZWV2ZW50cy1sb2NhbA";

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;

    private KafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.bootstrapServers = broker.getAdvertisedListeners().replace("PLAINTEXT://", "");
    }

    /**
     * Starts the broker.
     *
     * @param logDir where the broker keeps its data
     * @param port the client port, 0 for any free port
     * @param keepData false deletes the log directory on close (tests); true keeps it for the next start
     */
    public static KafkaServer start(Path logDir, int port, boolean keepData) {
        int[] free = port == 0 ? Ports.free(2) : new int[] { port, port + 1 };
        int kafkaPort = free[0];
        int controllerPort = free[1];
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(!keepData)
                .withAdditionalProperties(props -> configure(props, logDir));
        return new KafkaServer(broker.start());
    }

    private static void configure(Properties props, Path logDir) {
        props.put("log.dir", logDir.toAbsolutePath().toString());
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        // Compacted tables and the outbox progress are small; clean them often so a restart reads little.
        props.put("log.cleaner.min.compaction.lag.ms", "0");
        props.put("log.cleaner.backoff.ms", "5000");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates every topic of the contract that does not exist yet; compacted ones as compacted. */
    public void createTopics(int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(definition -> !existing.contains(definition.name()))
                    .map(definition -> newTopic(definition, partitions))
                    .collect(Collectors.toList());
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    // On a loaded machine the client may time out and resend a creation the broker already did.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics", e.getCause());
        }
    }

    private static NewTopic newTopic(Topics.Definition definition, int partitions) {
        // The relay progress is one small table read whole on start; one partition keeps that read trivial.
        int count = definition.name().equals(Topics.OUTBOX_PROGRESS) ? 1 : partitions;
        NewTopic topic = new NewTopic(definition.name(), count, (short) 1);
        if (definition.compacted()) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    @Override
    public void close() {
        broker.close();
    }
}
