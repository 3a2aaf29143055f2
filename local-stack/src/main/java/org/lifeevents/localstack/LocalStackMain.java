package org.lifeevents.localstack;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.lifeevents.localservers.KeycloakServer;

/**
 * Starts the local stack for people: every server and service on 127.0.0.1 with the demo data, prints where to look,
 * and stops everything on Ctrl-C.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path checkout = checkout();
        StackSettings settings = StackSettings.forPeople(checkout);
        System.out.println("Starting the life-event benefits engine; data in " + settings.dataDir() + " ...");
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(settings);
        // Registered before anything starts, so Ctrl-C during start-up stops what has started too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack ...");
            stack.close();
            System.out.println("Stopped. Data kept in " + settings.dataDir() + "; start again with the same command.");
        }));
        try {
            stack.start();
            boolean loaded = new DemoData(stack).loadOnce();
            System.out.println(banner(stack, loaded, Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException e) {
            if (!stack.isClosed()) {
                System.err.println("\nThe local stack could not start: " + e.getMessage());
            }
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private static String banner(LocalStack stack, boolean loaded, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\n==== Life-event benefits engine is running (started in ").append(took.toSeconds()).append(" s) ====\n\n");
        out.append(String.format("  %-24s %s   <- start here: sign in as kati / kati-demo (see README, \"See it work\")%n%n",
                "portal", stack.url(Service.PORTAL)));
        for (Service service : Service.values()) {
            if (service == Service.PORTAL || !stack.runs(service)) {
                continue;
            }
            out.append(String.format("  %-24s %s   (OpenAPI %s/q/swagger-ui, health %s/q/health, metrics %s/q/metrics)%n",
                    service.module(), stack.url(service), stack.url(service), stack.url(service), stack.url(service)));
        }
        out.append(String.format("  %-24s %s   (admin console: %s / %s, DEMO)%n", "keycloak", stack.keycloak().baseUrl(),
                KeycloakServer.DEMO_ADMIN, KeycloakServer.DEMO_ADMIN_PASSWORD));
        out.append(String.format("  %-24s %s%n", "kafka", stack.kafka().bootstrapServers()));
        if (stack.mail() != null) {
            out.append(String.format(
                    "  %-24s SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d   (GreenMail, DEMO: every address that received mail is a%n"
                            + "  %-24s mailbox; IMAP login and password are the address, e.g. kati@demo.lifeevents.test)%n",
                    "mail", stack.mail().smtpPort(), stack.mail().imapPort(), ""));
        }
        out.append(String.format("  %-24s %s (user postgres, DEMO password postgres)%n", "postgresql",
                stack.postgres().jdbcUrl("<service>")));
        out.append("\n  Demo logins (password = username + \"-demo\", e.g. kati / kati-demo):\n");
        out.append("    citizens: kati, jaan (Tamm, expecting a child), liis (Kask, single mother of two),\n");
        out.append("              eva, mart (Saar), helgi (Mets)\n");
        out.append("    caseworkers: carl, cora    auditor: aino    payment operator: otto\n");
        out.append(
                "  Machine clients (DEMO secrets): registry-system / registry-system-demo-secret, tax-feed / tax-feed-demo-secret\n");
        out.append("\n  Demo data ").append(loaded ? "loaded now" : "already present").append("; logs in ")
                .append(stack.settings().dataDir().resolve("logs")).append("\n");
        out.append("  Walk-through: README.md, section \"See it work\".   Ctrl-C stops everything.\n");
        return out.toString();
    }

    /** The checkout: LIFEEVENTS_ROOT, else two levels above this jar (local-stack/target/local-stack-runner.jar). */
    private static Path checkout() throws URISyntaxException {
        String root = System.getenv("LIFEEVENTS_ROOT");
        if (root != null) {
            return Path.of(root).toAbsolutePath();
        }
        Path jar = Path.of(LocalStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getParent().getParent().toAbsolutePath();
    }
}
