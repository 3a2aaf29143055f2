package org.lifeevents.localstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.lifeevents.localservers.Ports;

/**
 * Where the local stack keeps its data and which ports it uses: fixed, documented ports and kept data for people;
 * free ports and throw-away data for system tests.
 */
public record StackSettings(Path checkout, Path dataDir, boolean keepData, int kafkaPort, int postgresPort,
        int keycloakPort, Map<Service, Integer> servicePorts, int topicPartitions) {

    public static final int KAFKA_PORT = 19092;
    public static final int POSTGRES_PORT = 15432;
    public static final int KEYCLOAK_PORT = 18080;

    /** The documented local stack: fixed ports on 127.0.0.1, data kept under {@code .local-stack/}. */
    public static StackSettings forPeople(Path checkout) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        String dataDir = System.getenv().getOrDefault("LIFEEVENTS_DATA_DIR", checkout.resolve(".local-stack").toString());
        return new StackSettings(checkout, Path.of(dataDir), true, KAFKA_PORT, POSTGRES_PORT, KEYCLOAK_PORT, ports, 6);
    }

    /** A stack for one test run: free ports, data under the given directory, deleted afterwards. */
    public static StackSettings forTests(Path checkout, Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        int[] free = Ports.free(Service.values().length);
        for (Service service : Service.values()) {
            ports.put(service, free[service.ordinal()]);
        }
        return new StackSettings(checkout, dataDir, false, 0, 0, 0, ports, 3);
    }
}
