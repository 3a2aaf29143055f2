package org.lifeevents.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Freezes the current schemas as a release: writes each event's self-contained schema to
 * {@code src/main/released/<release>/} and lists the release. Run when a version of the services ships:
 * {@code ./mvnw -pl schemas test -Dtest=SchemaReleaseTest -Dschemas.release=v2}.
 */
final class SchemaRelease {

    private SchemaRelease() {
    }

    static void write(Path releasedDir, String release) throws IOException {
        Path dir = releasedDir.resolve(release);
        if (Files.exists(dir)) {
            throw new IllegalStateException("Release " + release + " exists; releases are never rewritten");
        }
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema schema = (Schema) readField(type);
            String file = schema.getFullName() + ".avsc";
            Files.writeString(dir.resolve(file), schema.toString(true) + "\n");
            files.add(file);
        }
        Files.write(dir.resolve("index.txt"), files);
        Files.writeString(releasedDir.resolve("releases.txt"), release + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static Object readField(Class<?> type) {
        try {
            return type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
