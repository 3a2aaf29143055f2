package org.lifeevents.portal;

import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The servers every portal test runs against: the real Keycloak with the demo realm (its login page, PKCE, tokens),
 * and {@link ServiceStub} answering for the three services the portal calls.
 */
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ServiceStub.class, scope = TestResourceScope.GLOBAL)
public final class TestServers {

    private TestServers() {
    }
}
