package org.lifeevents.localservers.testing;

import java.util.Map;

import org.lifeevents.localservers.KeycloakServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test's OIDC at the JVM's real Keycloak with the demo realm. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    /** Config key under which tests find the realm URL to ask for tokens. */
    public static final String REALM_URL = "lifeevents.test.keycloak-realm-url";

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = SharedServers.keycloak();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                REALM_URL, keycloak.realmUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of the module; stopped when the JVM exits.
    }
}
