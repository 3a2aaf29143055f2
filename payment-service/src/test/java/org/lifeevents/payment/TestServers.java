package org.lifeevents.payment;

import org.lifeevents.localservers.testing.KafkaTestResource;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real servers every test of this module runs against, started once for the module: and the bank simulator. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true, initArgs = @ResourceArg(name = "database", value = "payment"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = BankSimulatorTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class TestServers {

    private TestServers() {
    }
}
