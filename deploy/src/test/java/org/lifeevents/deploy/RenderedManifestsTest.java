package org.lifeevents.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeevents.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay renders, every custom resource in it is valid against the committed CRD of its operator, and every
 * service runs the way the README promises: probes on /q/health, requests and limits, a disruption budget, a network
 * policy, and Secrets referenced, never committed for prod.
 */
class RenderedManifestsTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(Repository.deploy().resolve("crds"));

    /** The built-in kinds the overlays may contain, at the API versions current Kubernetes serves. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "ConfigMap", "v1",
            "Secret", "v1",
            "Service", "v1",
            "Deployment", "apps/v1",
            "StatefulSet", "apps/v1",
            "PodDisruptionBudget", "policy/v1",
            "HorizontalPodAutoscaler", "autoscaling/v2",
            "NetworkPolicy", "networking.k8s.io/v1");

    private static final Set<String> OPERATOR_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io",
            "k8s.keycloak.org");

    /** Each overlay is rendered once for all the tests (a render takes a second or two). */
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay,
                name -> Kustomize.render(Repository.deploy().resolve("overlays").resolve(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyCustomResourceIsValidAgainstItsOperatorsCrd(String overlay) {
        List<String> errors = new ArrayList<>();
        for (JsonNode object : render(overlay)) {
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            String name = kind + "/" + object.at("/metadata/name").asText();
            if (OPERATOR_GROUPS.contains(apiVersion.split("/")[0]) || CRDS.knows(object)) {
                CRDS.validate(object).forEach(error -> errors.add(name + error));
            } else if (!apiVersion.equals(BUILT_IN.get(kind))) {
                errors.add(name + ": " + apiVersion + " is not a kind these manifests are checked for");
            }
        }
        assertThat(errors).as("rendered %s", overlay).isEmpty();
    }

    @Test
    void theSchemaCheckFindsATypo() {
        JsonNode topic = CrdSchemas.readAll("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitons: 12
                  replicas: "3"
                """).get(0);

        assertThat(CRDS.validate(topic)).containsExactlyInAnyOrder(".spec.partitons: unknown field",
                ".spec.replicas: expected integer, found STRING");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceIsProbedSizedBudgetedAndFenced(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> workloads = ofKind(objects, "Deployment", "StatefulSet");
        assertThat(workloads).isNotEmpty();
        for (JsonNode workload : workloads) {
            String name = workload.at("/metadata/name").asText();
            JsonNode podLabels = workload.at("/spec/template/metadata/labels");
            assertThat(workload.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(name).isEqualTo("/q/health/live");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(name)
                        .isEqualTo("/q/health/ready");
                assertThat(container.at("/startupProbe/httpGet/path").asText()).as(name)
                        .isEqualTo("/q/health/started");
                assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(name + " cpu request").isFalse();
                assertThat(container.at("/resources/requests/memory").isMissingNode()).as(name + " memory request")
                        .isFalse();
                assertThat(container.at("/resources/limits/memory").isMissingNode()).as(name + " memory limit")
                        .isFalse();
            }
            assertThat(ofKind(objects, "PodDisruptionBudget")).as("a disruption budget for " + name)
                    .anyMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels));
            assertThat(ofKind(objects, "NetworkPolicy")).as("a network policy for " + name)
                    .anyMatch(policy -> selects(policy.at("/spec/podSelector/matchLabels"), podLabels));
        }
    }

    @Test
    void prodCommitsNoSecretAndDevHasEverySecretItReferences() {
        assertThat(ofKind(render("prod"), "Secret")).as("Secrets in prod are created by the operator, not committed")
                .isEmpty();

        List<JsonNode> dev = render("dev");
        Set<String> secrets = ofKind(dev, "Secret").stream().map(s -> s.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        assertThat(secrets).containsAll(referencedSecrets(dev));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyTopicOfTheCodeIsAKafkaTopicWithItsPartitionsAndCompaction(String overlay) {
        Map<String, JsonNode> topics = ofKind(render(overlay), "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), t -> t));
        for (Topics.Definition definition : Topics.ALL) {
            JsonNode topic = topics.get(definition.name());
            assertThat(topic).as(definition.name()).isNotNull();
            assertThat(topic.at("/spec/partitions").asInt()).as(definition.name()).isEqualTo(definition.partitions());
            assertThat(topic.at("/spec/config/cleanup.policy").asText()).as(definition.name())
                    .isEqualTo(definition.compacted() ? "compact" : "delete");
            assertThat(topic.at("/spec/replicas").asInt()).as(definition.name())
                    .isEqualTo(overlay.equals("dev") ? 1 : TopicManifests.REPLICAS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyReferenceBetweenObjectsResolves(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> workloads = ofKind(objects, "Deployment", "StatefulSet");
        Set<String> configMaps = names(ofKind(objects, "ConfigMap"));
        Map<String, JsonNode> secrets = ofKind(objects, "Secret").stream()
                .collect(Collectors.toMap(s -> s.at("/metadata/name").asText(), s -> s));
        for (JsonNode workload : workloads) {
            String name = workload.at("/metadata/name").asText();
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    assertThat(configMaps).as(name + " envFrom").contains(from.at("/configMapRef/name").asText());
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.at("/valueFrom/secretKeyRef");
                    if (!ref.isMissingNode() && overlay.equals("dev")) {
                        JsonNode secret = secrets.get(ref.path("name").asText());
                        assertThat(secret).as(name + " " + env.path("name").asText()).isNotNull();
                        assertThat(secret.path("data").has(ref.path("key").asText()))
                                .as(name + " " + env.path("name").asText() + ": key " + ref.path("key").asText())
                                .isTrue();
                    }
                }
                Set<String> ports = new HashSet<>();
                container.path("ports").forEach(port -> ports.add(port.path("name").asText()));
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(ports).as(name + " " + probe).contains(container.at("/" + probe + "/httpGet/port").asText());
                }
            }
        }
        for (JsonNode service : ofKind(objects, "Service")) {
            String name = service.at("/metadata/name").asText();
            List<JsonNode> selected = workloads.stream()
                    .filter(w -> selects(service.at("/spec/selector"), w.at("/spec/template/metadata/labels")))
                    .toList();
            assertThat(selected).as("the pods of Service " + name).isNotEmpty();
            for (JsonNode port : service.at("/spec/ports")) {
                assertThat(selected.get(0).at("/spec/template/spec/containers/0/ports").findValuesAsText("name"))
                        .as("Service " + name + " targetPort").contains(port.path("targetPort").asText());
            }
        }
        for (JsonNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            assertThat(names(ofKind(objects, hpa.at("/spec/scaleTargetRef/kind").asText())))
                    .as("target of " + hpa.at("/metadata/name").asText())
                    .contains(hpa.at("/spec/scaleTargetRef/name").asText());
        }
    }

    private static Set<String> names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.at("/metadata/name").asText()).collect(Collectors.toSet());
    }

    private static List<JsonNode> ofKind(List<JsonNode> objects, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.path("kind").asText())).toList();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var matches = new boolean[] { true };
        selector.fields().forEachRemaining(e -> matches[0] &= e.getValue().asText()
                .equals(labels.path(e.getKey()).asText(null)));
        return matches[0];
    }

    /** Secrets named by workloads, the PostgreSQL roles, Keycloak and the realm import. */
    private static Set<String> referencedSecrets(List<JsonNode> objects) {
        Set<String> names = new HashSet<>();
        for (JsonNode object : objects) {
            collect(object, names);
        }
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.equals("realm")) {
                    // a realm's clients carry their own "secret" (the client secret), not a Secret's name
                    return;
                }
                if ((key.equals("secretKeyRef") || key.equals("passwordSecret") || key.equals("usernameSecret")
                        || key.equals("secret")) && value.has("name")) {
                    names.add(value.get("name").asText());
                } else if (key.equals("secret") && value.isTextual()) {
                    names.add(value.asText());
                }
                collect(value, names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, names));
        }
    }
}
