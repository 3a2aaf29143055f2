package org.lifeevents.deploy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed realm imports are generated from the committed realm, and prod's carries no demo credential. */
class RealmImportsTest {

    private static final Path DEV = Repository.deploy().resolve("overlays/dev/keycloak/realm-import.yaml");
    private static final Path PROD = Repository.deploy().resolve("overlays/prod/keycloak/realm-import.yaml");

    @Test
    void committedRealmImportsAreGeneratedFromTheRealm() {
        String dev = RealmImports.dev(Repository.root());
        String prod = RealmImports.prod(Repository.root());

        assertThat(Repository.committed(DEV, dev)).as("%s is stale; regenerate it (see its header)", DEV).isEqualTo(dev);
        assertThat(Repository.committed(PROD, prod)).as("%s is stale; regenerate it (see its header)", PROD)
                .isEqualTo(prod);
    }

    @Test
    void prodRealmHasNoDemoUserPasswordOrSecret() {
        String generated = RealmImports.prod(Repository.root());
        String prod = generated.substring(generated.indexOf("apiVersion:"));

        assertThat(prod).doesNotContainIgnoringCase("demo")
                .doesNotContain("credentials")
                .doesNotContain("127.0.0.1")
                .doesNotContain(RealmImports.DEMO_ONLY_CLIENT)
                .contains("sslRequired: external");
        for (String client : RealmImports.confidentialClients(Repository.root())) {
            String variable = "CLIENT_SECRET_" + client.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            assertThat(prod).as("secret of %s", client).contains("secret: \"${" + variable + "}\"");
        }
    }
}
