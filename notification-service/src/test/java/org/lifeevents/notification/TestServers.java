package org.lifeevents.notification;

import org.lifeevents.localservers.testing.KafkaTestResource;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The real servers every test of this module runs against, started once for the module: and a real SMTP server. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class TestServers {

    private TestServers() {
    }
}
