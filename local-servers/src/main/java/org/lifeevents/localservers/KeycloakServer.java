package org.lifeevents.localservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A real Keycloak server from the official distribution archive that Maven downloads, started as a child process with
 * the committed demo realm. No Docker: the archive is unpacked once per install directory and reused, and so is a
 * database seeded with the realm, of which each server gets its own copy.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "lifeevents";
    /** Bootstrap administrator of the local Keycloak. DEMO CREDENTIALS: local stack and tests only. */
    public static final String DEMO_ADMIN = "admin";
    public static final String DEMO_ADMIN_PASSWORD = "admin-demo";

    private static final String REALM_RESOURCE = "keycloak/lifeevents-realm.json";
    /**
     * Keycloak's first start builds its server (about a minute on an idle 2-core machine); several test JVMs starting
     * at once on a loaded one have taken over four. {@code -Dlifeevents.keycloak.startup-timeout=PT10M} to wait longer.
     */
    private static final Duration STARTUP_TIMEOUT = Duration
            .parse(System.getProperty("lifeevents.keycloak.startup-timeout", "PT8M"));

    private final Process process;
    private final int port;
    /** This server's own copy of the seeded database, removed when it stops; null for the seeding run. */
    private final Path database;

    private KeycloakServer(Process process, int port, Path database) {
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /**
     * Unpacks the distribution under installRoot if needed and starts it with the committed demo realm, in a database of
     * its own: a copy of a database seeded once with the realm, so every start has exactly the committed realm.
     *
     * @param installRoot directory that holds the unpacked distribution and the seeded database
     * @param port 0 for any free port
     * @param log file that receives Keycloak's output
     */
    public static KeycloakServer start(Path installRoot, int port, Path log) {
        Path home = install(installRoot);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Path seed = seededDatabase(home, installRoot, log);
            int httpPort = Ports.orFree(port);
            Path database = installRoot.resolve("databases").resolve(String.valueOf(httpPort));
            deleteTree(database);
            copyTree(seed, database);
            KeycloakServer server = new KeycloakServer(launch(home, httpPort, database, false, log), httpPort, database);
            server.awaitRealm(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start; see " + log, e);
        }
    }

    /**
     * The database with the demo realm imported, made once per realm file and Keycloak version. Creating Keycloak's
     * schema and importing the realm is most of a start (a minute and more on two busy cores); every later start, in
     * every module of a build, copies the result instead.
     */
    private static Path seededDatabase(Path home, Path installRoot, Path log) throws IOException {
        byte[] realm;
        try (InputStream in = resource(REALM_RESOURCE)) {
            realm = in.readAllBytes();
        }
        Path seed = installRoot.resolve("seed-" + fingerprint(realm, home.getFileName().toString()));
        Path seeded = seed.resolve(".seeded");
        try (FileChannel channel = FileChannel.open(installRoot.resolve(".keycloak-seed.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(seeded)) {
                deleteTree(seed);
                Path importDir = home.resolve("data/import");
                Files.createDirectories(importDir);
                Files.write(importDir.resolve("lifeevents-realm.json"), realm);
                int seedPort = Ports.orFree(0);
                KeycloakServer seeder = new KeycloakServer(launch(home, seedPort, seed, true, log), seedPort, null);
                seeder.awaitRealm(log);
                seeder.close();
                Files.writeString(seeded, "realm imported");
            }
        }
        return seed;
    }

    private static Process launch(Path home, int httpPort, Path database, boolean importRealm, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--db=dev-file",
                "--db-url=jdbc:h2:file:" + database.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--health-enabled=false", "--metrics-enabled=false", "--cache=local"));
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", DEMO_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static String fingerprint(byte[] realm, String version) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(version.getBytes(StandardCharsets.UTF_8));
            digest.update(realm);
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The realm's issuer, what services give as {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public KeycloakTokens tokens() {
        return new KeycloakTokens(realmUrl());
    }

    private void awaitRealm(Path log) {
        try {
            HttpReadiness.await("Keycloak", process, realmUrl() + "/.well-known/openid-configuration", STARTUP_TIMEOUT, log);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        // kc.sh starts the JVM as a child; stop the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (database != null) {
            try {
                deleteTree(database);
            } catch (IOException e) {
                // a leftover copy under target/ is harmless; the next start on this port replaces it
            }
        }
    }

    /** Unpacks the Keycloak distribution once; concurrent callers wait for the first. */
    static Path install(Path installRoot) {
        String version = version();
        Path home = installRoot.resolve("keycloak-" + version);
        Path done = home.resolve(".unpacked");
        try {
            Files.createDirectories(installRoot);
            try (FileChannel channel = FileChannel.open(installRoot.resolve(".keycloak-install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!Files.exists(done)) {
                    unpack(archive(version), installRoot);
                    Files.writeString(done, version);
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack Keycloak into " + installRoot, e);
        }
    }

    private static Path archive(String version) {
        String override = System.getProperty("lifeevents.keycloak.archive");
        if (override != null) {
            return Path.of(override);
        }
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Path archive = Path.of(repo, "org/keycloak/keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".tar.gz");
        if (!Files.exists(archive)) {
            throw new IllegalStateException("Keycloak archive not found at " + archive
                    + "; build with ./mvnw so Maven downloads it, or set -Dlifeevents.keycloak.archive");
        }
        return archive;
    }

    private static void unpack(Path archive, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                if ((entry.getMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(out, permissions);
                }
            }
        }
    }

    private static String version() {
        Properties versions = new Properties();
        try (InputStream in = resource("org/lifeevents/localservers/versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty("keycloak.version");
    }

    private static InputStream resource(String name) {
        InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }
}
