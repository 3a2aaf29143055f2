package org.lifeevents.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The OpenAPI schemas of the committed CustomResourceDefinitions (deploy/crds), and a validator of a rendered object
 * against them: unknown fields, wrong types, missing required fields and values outside an enum, which is what the API
 * server refuses (a structural schema prunes or rejects the rest). Formats, patterns and CEL rules are not checked.
 */
final class CrdSchemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, JsonNode> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    static CrdSchemas load(Path directory) {
        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                for (JsonNode crd : readAll(Repository.read(file))) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode version : crd.at("/spec/versions")) {
                        if (version.path("served").asBoolean()) {
                            crds.schemas.put(key(group + "/" + version.path("name").asText(), kind),
                                    version.at("/schema/openAPIV3Schema"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crds;
    }

    static List<JsonNode> readAll(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    boolean knows(JsonNode object) {
        return schemas.containsKey(key(object.path("apiVersion").asText(), object.path("kind").asText()));
    }

    /** The object's errors against its CRD's schema, each with its path; empty when valid. */
    List<String> validate(JsonNode object) {
        List<String> errors = new ArrayList<>();
        JsonNode schema = schemas.get(key(object.path("apiVersion").asText(), object.path("kind").asText()));
        if (schema == null) {
            errors.add("no committed CRD for " + object.path("apiVersion").asText() + " " + object.path("kind").asText());
        } else {
            // The API server takes these from every object whatever the schema lists (Fabric8-generated CRDs, such
            // as Keycloak's, leave them out).
            ObjectNode withObjectFields = schema.deepCopy();
            ObjectNode properties = withObjectFields.withObjectProperty("properties");
            properties.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
            properties.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
            properties.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
            check(object, withObjectFields, "", errors);
        }
        return errors;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                errors.add(path + ": null");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(path + ": not an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typed) {
            errors.add(path + ": expected " + type + ", found " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                errors.add(path + ": " + value.asText() + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), path + "[" + i + "]", errors);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": missing required " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                    || additional.isBoolean() && additional.asBoolean()
                    // an object schema with neither properties nor additionalProperties is a free-form map
                    || properties.isMissingNode() && additional.isMissingNode();
            value.fields().forEachRemaining(field -> {
                String at = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), at, errors);
                } else if (additional.isObject()) {
                    check(field.getValue(), additional, at, errors);
                } else if (!open) {
                    errors.add(at + ": unknown field");
                }
            });
        }
    }
}
