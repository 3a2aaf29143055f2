package org.lifeevents.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.lifeevents.localservers.PostgresServer;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;
import org.lifeevents.localstack.StackSettings;

/**
 * The real stack as the system tests run it ({@code StackSettings.forTests}: free ports, data under
 * {@code target/stack}, services from each module's {@code target/quarkus-app}), plus what a benchmark needs around
 * it: a connection to a service's own database, and the processes that make up the stack, by name.
 */
public final class BenchmarkStack implements AutoCloseable {

    private final Path checkout;
    private final LocalStack stack;

    private BenchmarkStack(Path checkout, LocalStack stack) {
        this.checkout = checkout;
        this.stack = stack;
    }

    public static BenchmarkStack start() {
        Path checkout = checkout();
        Path data = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent().resolve("stack");
        LocalStack stack = LocalStack.start(StackSettings.forTests(checkout, data));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        return new BenchmarkStack(checkout, stack);
    }

    /** The git work tree the build runs in. */
    public static Path checkout() {
        return Path.of(System.getProperty("lifeevents.root", "..")).toAbsolutePath().normalize();
    }

    public LocalStack stack() {
        return stack;
    }

    public Path checkoutDirectory() {
        return checkout;
    }

    public String url(Service service) {
        return stack.url(service);
    }

    /** A token of the registry's machine client (role registry). */
    public String registryToken() {
        return stack.keycloak().tokens().registry();
    }

    /** A new connection to the service's own database of the stack's PostgreSQL. */
    public Connection database(Service service) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    /** A JDBC URL of a database of the stack's PostgreSQL, created if missing (for the bare-database limit). */
    public String scratchDatabase(String name) {
        stack.postgres().createDatabase(name);
        return stack.postgres().jdbcUrl(name);
    }

    /**
     * The stack's processes by name, for {@link org.lifeevents.benchmarks.report.ResidentMemory}: each service
     * process (a second instance as {@code eligibility-service #2}), Keycloak, PostgreSQL's processes together, and
     * this JVM, which hosts the Kafka broker and the load generator.
     */
    public Map<String, Collection<Long>> processes() {
        Map<String, Collection<Long>> groups = new LinkedHashMap<>();
        groups.put("benchmark JVM (in-JVM Kafka broker, load generator)", List.of(ProcessHandle.current().pid()));
        List<ProcessHandle> children = ProcessHandle.current().children()
                .sorted(Comparator.comparing(p -> p.info().startInstant().orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Long> keycloak = new ArrayList<>();
        for (ProcessHandle child : children) {
            String command = child.info().commandLine().orElse("");
            Optional<Service> service = Stream.of(Service.values())
                    .filter(s -> command.contains("/" + s.module() + "/target/quarkus-app/")).findFirst();
            if (service.isPresent()) {
                String name = service.get().module();
                int instance = 2;
                while (groups.containsKey(name)) {
                    name = service.get().module() + " #" + instance++;
                }
                groups.put(name, List.of(child.pid()));
            } else if (command.contains("keycloak") || command.contains("kc.sh")) {
                keycloak.add(child.pid());
                child.descendants().forEach(d -> keycloak.add(d.pid()));
            }
        }
        groups.put("Keycloak", keycloak);
        groups.put("PostgreSQL (all its processes)", postgresProcesses());
        return groups;
    }

    /**
     * The postmaster and its children. The server is started through {@code pg_ctl}, so it is not a child of this JVM;
     * it is found by its data directory on the command line.
     */
    private List<Long> postgresProcesses() {
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent().resolve("stack")
                .resolve("postgres");
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            proc.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String command = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (command.contains(dataDir.toString()) && !command.contains("pg_ctl")) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        pids.add(pid);
                        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
                    }
                } catch (IOException | RuntimeException e) {
                    // ended while listed
                }
            });
        } catch (IOException e) {
            // not Linux: no figure for PostgreSQL
        }
        return pids.stream().distinct().toList();
    }

    @Override
    public void close() {
        stack.close();
    }
}
