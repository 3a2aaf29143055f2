package org.lifeevents.registry.write;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lifeevents.common.problem.Problem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields in which a repeated request differs from the first one with the same number, as dotted paths
 * ({@code mother.givenNames}, {@code members[1].spouseId}). A field missing on one side equals null on the other.
 */
public final class BodyDifferences {

    public static final String CODE = "differs_from_first_request";

    private BodyDifferences() {
    }

    public static List<Problem.FieldError> between(JsonNode first, JsonNode now) {
        List<Problem.FieldError> differences = new ArrayList<>();
        compare("", first, now, differences);
        return differences;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Problem.FieldError> out) {
        if (absent(before) && absent(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = after.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), out);
            }
            return;
        }
        if (before != null && after != null && before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), out);
            }
            return;
        }
        if (absent(before) || absent(after) || !before.equals(after)) {
            out.add(new Problem.FieldError(path.isEmpty() ? "body" : path, CODE,
                    "was " + render(before) + ", now " + render(after)));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String render(JsonNode node) {
        return absent(node) ? "absent" : node.toString();
    }
}
