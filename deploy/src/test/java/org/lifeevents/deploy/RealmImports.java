package org.lifeevents.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Renders the Keycloak operator's {@code KeycloakRealmImport} from the realm the local stack and every test use, so
 * roles, clients, scopes and mappers have one source. Dev imports it as it is (its demo users and DEMO secrets
 * included); prod drops the demo people and the password-grant client, requires TLS, and takes every client secret
 * and the portal's address from the Secret {@value #PROD_SECRET} through the import's placeholders.
 */
final class RealmImports {

    static final Path REALM = Path.of("local-servers/src/main/resources/keycloak/lifeevents-realm.json");

    static final String KEYCLOAK = "lifeevents-keycloak";

    static final String PROD_SECRET = "lifeevents-realm-import";

    /** The public client with the password grant, marked in the realm "DEMO ONLY: never enable in production". */
    static final String DEMO_ONLY_CLIENT = "lifeevents-cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private RealmImports() {
    }

    static String dev(Path root) {
        return render(realm(root), null, "the demo realm as the local stack imports it (DEMO users and secrets)");
    }

    static String prod(Path root) {
        ObjectNode realm = realm(root);
        realm.put("sslRequired", "external");
        realm.put("displayName", "Life-event benefits");
        ArrayNode users = realm.withArray("users");
        for (Iterator<JsonNode> it = users.elements(); it.hasNext();) {
            // Service accounts carry the machine clients' roles; every person in the file is a demo user.
            if (!it.next().has("serviceAccountClientId")) {
                it.remove();
            }
        }
        ObjectNode placeholders = JSON.createObjectNode();
        ArrayNode clients = realm.withArray("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext();) {
            ObjectNode client = (ObjectNode) it.next();
            String clientId = client.get("clientId").asText();
            if (clientId.equals(DEMO_ONLY_CLIENT)) {
                it.remove();
                continue;
            }
            client.remove("description");
            if (client.has("secret")) {
                String variable = "CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
                client.put("secret", "${" + variable + "}");
                placeholders.set(variable, secretRef(clientId));
            }
            if (clientId.equals("portal")) {
                client.set("redirectUris", JSON.createArrayNode().add("${PORTAL_URL}/*"));
                client.set("webOrigins", JSON.createArrayNode().add("${PORTAL_URL}"));
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", "${PORTAL_URL}/*");
                placeholders.set("PORTAL_URL", secretRef("portal-url"));
            }
        }
        return render(realm, placeholders, "no demo users, no password-grant client, secrets from the Secret "
                + PROD_SECRET + " (keys: every confidential client's id, and portal-url)");
    }

    private static ObjectNode secretRef(String key) {
        ObjectNode secret = JSON.createObjectNode();
        secret.putObject("secret").put("name", PROD_SECRET).put("key", key);
        return secret;
    }

    /** The confidential clients whose secret prod takes from {@value #PROD_SECRET}. */
    static List<String> confidentialClients(Path root) {
        List<String> ids = new ArrayList<>();
        realm(root).withArray("clients").forEach(client -> {
            if (client.has("secret")) {
                ids.add(client.get("clientId").asText());
            }
        });
        return ids;
    }

    static ObjectNode realm(Path root) {
        try {
            return (ObjectNode) JSON.readTree(root.resolve(REALM).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(ObjectNode realm, ObjectNode placeholders, String what) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "lifeevents-realm");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        if (placeholders != null) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        try {
            return "# GENERATED by RealmImportsTest from " + REALM + ": " + what + ". Do not edit; after changing the\n"
                    + "# realm: ./mvnw -B -o verify -pl deploy -am -Dtest=RealmImportsTest -Ddeploy.generate=true"
                    + " -Dsurefire.failIfNoSpecifiedTests=false\n"
                    + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
