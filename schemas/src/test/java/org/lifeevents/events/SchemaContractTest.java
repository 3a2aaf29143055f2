package org.lifeevents.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.wire.SchemaCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build-time contract check: every schema change must stay readable in both directions with every released
 * version, and every schema documents itself.
 */
class SchemaContractTest {

    private static final Map<String, Schema> CURRENT = EventTypes.ALL.stream()
            .map(SchemaContractTest::schemaOf)
            .collect(Collectors.toMap(Schema::getFullName, Function.identity()));

    @Test
    void everyReleasedEventStillExistsAndIsBackwardAndForwardCompatible() {
        List<String> problems = new ArrayList<>();
        assertThat(SchemaCatalog.get().released()).as("released schemas").isNotEmpty();
        for (Schema released : SchemaCatalog.get().released()) {
            Schema current = CURRENT.get(released.getFullName());
            if (current == null) {
                problems.add(released.getFullName() + " was released and is gone; events are deprecated, never removed");
                continue;
            }
            check(problems, "backward (new readers, old data)", current, released);
            check(problems, "forward (old readers, new data)", released, current);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEventSchemaFileIsListedAndNamedEvent() throws IOException {
        List<String> declared;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            declared = files.filter(p -> p.toString().endsWith(".avsc"))
                    .map(SchemaContractTest::parseStandalone)
                    .filter(name -> name != null)
                    .sorted()
                    .toList();
        }
        assertThat(declared).allMatch(name -> name.endsWith("Event"));
        assertThat(CURRENT.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void everyRecordAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        CURRENT.values().forEach(schema -> collectUndocumented(schema, undocumented, new ArrayList<>()));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEventCarriesTheEnvelope() {
        for (Schema schema : CURRENT.values()) {
            assertThat(schema.getField(Events.EVENT_ID)).as(schema.getName() + "." + Events.EVENT_ID).isNotNull();
            assertThat(schema.getField(Events.OCCURRED_AT)).as(schema.getName() + "." + Events.OCCURRED_AT).isNotNull();
            assertThat(schema.getField(Events.CORRELATION_ID)).as(schema.getName() + "." + Events.CORRELATION_ID).isNotNull();
        }
    }

    private static void check(List<String> problems, String direction, Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(writer.getFullName() + " is not " + direction + " compatible: "
                    + result.getResult().getIncompatibilities().stream()
                            .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                            .toList());
        }
    }

    private static void collectUndocumented(Schema schema, List<String> out, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                if (isBlank(schema.getDoc())) {
                    out.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        out.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), out, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, out, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), out, seen);
            case MAP -> collectUndocumented(schema.getValueType(), out, seen);
            default -> {
            }
        }
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }

    /** Full name of a top-level event declared in the file, or null for a shared type (those live under types/). */
    private static String parseStandalone(Path file) {
        if (file.getParent().getFileName().toString().equals("types")) {
            return null;
        }
        try {
            String json = Files.readString(file);
            String name = json.replaceAll("(?s).*?\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String namespace = json.replaceAll("(?s).*?\"namespace\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return namespace + "." + name;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema schemaOf(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
