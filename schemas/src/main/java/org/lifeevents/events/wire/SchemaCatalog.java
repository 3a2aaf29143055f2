package org.lifeevents.events.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.lifeevents.events.EventTypes;

/**
 * Every writer schema a message on our topics may have been written with: the current version of each event and every
 * released one kept in the jar. Single-object encoding puts the writer schema's fingerprint in each message; this is
 * where a reader finds the schema behind it, with no registry to call.
 */
public final class SchemaCatalog implements SchemaStore {

    /** Folder of released schemas in the jar, one subfolder per release, each with an {@code index.txt}. */
    public static final String RELEASED = "lifeevents/schemas/released/";

    private static final SchemaCatalog INSTANCE = load();

    private final Map<Long, Schema> byFingerprint;
    private final List<Schema> released;

    private SchemaCatalog(Map<Long, Schema> byFingerprint, List<Schema> released) {
        this.byFingerprint = byFingerprint;
        this.released = released;
    }

    public static SchemaCatalog get() {
        return INSTANCE;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** The released schemas, oldest release first. */
    public List<Schema> released() {
        return released;
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static SchemaCatalog load() {
        Map<Long, Schema> byFingerprint = new HashMap<>();
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema schema = schemaOf(type);
            byFingerprint.put(fingerprint(schema), schema);
        }
        List<Schema> released = readReleased();
        for (Schema schema : released) {
            byFingerprint.putIfAbsent(fingerprint(schema), schema);
        }
        return new SchemaCatalog(Map.copyOf(byFingerprint), Collections.unmodifiableList(released));
    }

    static Schema schemaOf(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " is not an Avro-generated class", e);
        }
    }

    private static List<Schema> readReleased() {
        List<Schema> schemas = new ArrayList<>();
        for (String release : lines(RELEASED + "releases.txt")) {
            for (String file : lines(RELEASED + release + "/index.txt")) {
                schemas.add(new Schema.Parser().parse(read(RELEASED + release + "/" + file)));
            }
        }
        return schemas;
    }

    private static List<String> lines(String resource) {
        return read(resource).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().reduce("", (a, b) -> a + b + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
