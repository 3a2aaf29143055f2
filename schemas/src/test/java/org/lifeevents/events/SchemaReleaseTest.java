package org.lifeevents.events;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Not a check: the entry point that freezes a release when {@code -Dschemas.release=<name>} is given. */
class SchemaReleaseTest {

    @Test
    @EnabledIfSystemProperty(named = "schemas.release", matches = "v\\d+")
    void writeRelease() throws Exception {
        SchemaRelease.write(Path.of("src/main/released"), System.getProperty("schemas.release"));
    }
}
