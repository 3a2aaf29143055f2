package org.lifeevents.eligibility.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Variations of the shipped parameter file, for tests of effective dating. */
public final class Rulesets {

    private Rulesets() {
    }

    /** The reference file with one more value for a parameter; for tests of effective dating. */
    public static ParameterTable withValue(String name, String from, long value) throws IOException {
        ObjectNode file = reference();
        ArrayNode values = (ArrayNode) file.get("parameters").get(name).get("values");
        values.addObject().put("from", from).put("value", value);
        file.put("version", "test-" + name + "-" + from);
        return ParameterTable.load(new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(file)));
    }

    static ObjectNode reference() throws IOException {
        try (InputStream in = Rulesets.class.getClassLoader().getResourceAsStream("ruleset/parameters.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }
}
