package org.lifeevents.localservers.testing;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.lifeevents.localservers.KafkaServer;
import org.lifeevents.localservers.KeycloakServer;
import org.lifeevents.localservers.PostgresServer;

/**
 * The real servers of one test JVM, started on first use and stopped when the JVM exits, so a module's test classes
 * share them even when Quarkus restarts the application between test profiles. Data lives under the module's
 * {@code target/}; the unpacked Keycloak under the checkout's {@code target/}.
 */
public final class SharedServers {

    /** Partitions per topic in tests: more than one, so per-key ordering is really exercised. */
    public static final int TEST_PARTITIONS = 3;

    private static KafkaServer kafka;
    private static PostgresServer postgres;
    private static KeycloakServer keycloak;
    private static final Set<String> DATABASES = new HashSet<>();

    private SharedServers() {
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.start(moduleTarget().resolve("kafka-" + ProcessHandle.current().pid()), 0, false);
            kafka.createTopics(TEST_PARTITIONS);
            closeOnExit(kafka);
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres(String database) {
        if (postgres == null) {
            postgres = PostgresServer.start(moduleTarget().resolve("postgres-" + ProcessHandle.current().pid()), 0, false);
            closeOnExit(postgres);
        }
        if (DATABASES.add(database)) {
            postgres.createDatabase(database);
        }
        return postgres;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(checkoutTarget().resolve("keycloak"), 0,
                    moduleTarget().resolve("keycloak-" + ProcessHandle.current().pid() + ".log"));
            closeOnExit(keycloak);
        }
        return keycloak;
    }

    /** The module's build directory: surefire points java.io.tmpdir at target/tmp. */
    static Path moduleTarget() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent();
    }

    static Path checkoutTarget() {
        String root = System.getProperty("lifeevents.root");
        return root == null ? moduleTarget() : Path.of(root, "target");
    }

    private static void closeOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing useful to do
            }
        }));
    }
}
