package org.lifeevents.registry.opencrvs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenCRVS bundles under {@code src/test/resources/opencrvs}, with their people and numbers filled in, so every
 * test registers persons of its own.
 */
public final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private Fixtures() {
    }

    /** The bundle with each {@code ${name}} replaced; uuids and times not given are made up. */
    public static String bundle(String name, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        String text = read("/opencrvs/" + name + ".json");
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            Object value = all.computeIfAbsent(key, k -> k.endsWith("Uuid") ? UUID.randomUUID().toString()
                    : k.equals("registeredAt") ? "2026-11-30T10:15:20.040+00:00" : null);
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value for " + key);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** OpenCRVS's webhook envelope around a bundle, as its webhooks service builds it. */
    public static String envelope(String topic, String bundle) {
        return "{\"timestamp\":\"2026-11-30T10:15:21.000Z\",\"id\":\"" + UUID.randomUUID()
                + "\",\"event\":{\"hub\":{\"topic\":\"" + topic + "\"},\"context\":[" + bundle + "]}}";
    }

    /** The JSON with the value at a JSON pointer replaced (null removes it). */
    public static String edit(String json, String pointer, String value) {
        try {
            JsonNode root = MAPPER.readTree(json);
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = root.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1);
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(last);
                } else {
                    object.put(last, value);
                }
            } else if (parent instanceof ArrayNode array) {
                if (value == null) {
                    array.remove(Integer.parseInt(last));
                } else {
                    array.set(Integer.parseInt(last), value);
                }
            } else {
                throw new IllegalArgumentException("nothing at " + pointer);
            }
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
