package org.lifeevents.eligibility;

import org.lifeevents.localservers.testing.KafkaTestResource;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real servers every test of this module runs against, started once for the module: Kafka, PostgreSQL, Keycloak,
 * and the consent service's check endpoint served by the test itself ({@link ConsentCheckEndpoint}).
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ConsentCheckEndpoint.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class TestServers {

    private TestServers() {
    }
}
