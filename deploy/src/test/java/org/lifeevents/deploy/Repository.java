package org.lifeevents.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of the repository these tests read and, with {@code -Ddeploy.generate=true}, write: a generated manifest is
 * committed, so a review sees it and {@code kubectl kustomize} needs no build, and a test fails when the committed file
 * is not what the code generates.
 */
final class Repository {

    private Repository() {
    }

    /** The repository's root: the build passes it (lifeevents.root); the module's parent otherwise. */
    static Path root() {
        String root = System.getProperty("lifeevents.root");
        return root == null || root.isBlank() ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this run rewrites the generated files instead of comparing them. */
    static boolean generating() {
        return Boolean.getBoolean("deploy.generate");
    }

    /** Writes the file when generating; returns what is committed, for the caller to compare. */
    static String committed(Path file, String generated) {
        if (generating()) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Files.exists(file) ? read(file) : "";
    }
}
