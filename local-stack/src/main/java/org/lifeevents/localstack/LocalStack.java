package org.lifeevents.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;
import org.lifeevents.localservers.KafkaServer;
import org.lifeevents.localservers.KeycloakServer;
import org.lifeevents.localservers.Ports;
import org.lifeevents.localservers.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole system on real servers: PostgreSQL (one database per service), a KRaft Kafka broker with the contract's
 * topics, Keycloak with the demo realm, and every service as its own process. Used by people (with
 * {@link LocalStackMain}) and by the system tests. {@link #close()} stops whatever has started, so a failed or
 * interrupted start leaves nothing running.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    /** The date the stack starts on instead of today (also LIFEEVENTS_BUSINESS_DATE). */
    public static final String BUSINESS_DATE = "lifeevents.stack.business-date";
    /** Whether a stack started on the real date may be moved to another (the system tests set it). */
    public static final String ALLOW_BUSINESS_DATE = "lifeevents.stack.allow-business-date";
    /**
     * -Dlifeevents.stack.notifications=true: a stack for a test run starts the notification service and its mail server too.
     */
    public static final String NOTIFICATIONS = "lifeevents.stack.notifications";
    /** The platform operator of the demo realm, whose role may move a service's business date. */
    private static final String OPERATOR = "olga";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final StackSettings settings;
    private final Map<Service, ServiceProcess> services = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<ServiceProcess, Service> extras = Collections.synchronizedMap(new LinkedHashMap<>());
    private int extraInstances;
    private volatile PostgresServer postgres;
    private volatile KafkaServer kafka;
    private volatile CompletableFuture<KeycloakServer> keycloak;
    private volatile boolean closed;
    private volatile MailServer mail;
    /** The date the stack was moved to, so that a service started again (after a crash, or one more) lives on it too. */
    private volatile LocalDate movedTo;

    public LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    /** Starts a stack and returns it running; on failure everything started is stopped again. */
    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public void start() {
        Path data = settings.dataDir();
        // Keycloak takes longest; it starts while the database and the broker come up.
        keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                settings.keepData() ? data : settings.checkout().resolve("target/keycloak"), settings.keycloakPort(),
                data.resolve("logs/keycloak.log")));
        postgres = PostgresServer.start(data.resolve("postgres"), settings.postgresPort(), settings.keepData());
        for (Service service : Service.values()) {
            if (service.database() != null) {
                postgres.createDatabase(service.database());
            }
        }
        kafka = KafkaServer.start(data.resolve("kafka"), settings.kafkaPort(), settings.keepData());
        kafka.createTopics(settings.topicPartitions());
        keycloak.join();
        if (runs(Service.NOTIFICATION)) {
            mail = MailServer.start(settings.keepData() ? MailServer.SMTP_PORT : Ports.free(),
                    settings.keepData() ? MailServer.IMAP_PORT : Ports.free());
        }
        for (Service service : Service.values()) {
            if (runs(service)) {
                services.put(service, startService(service));
            }
        }
        for (ServiceProcess service : List.copyOf(services.values())) {
            service.awaitReady();
        }
    }

    private ServiceProcess startService(Service service) {
        return startService(service, settings.servicePorts().get(service), service.module());
    }

    private ServiceProcess startService(Service service, int port, String instanceName) {
        if (closed) {
            throw new IllegalStateException("The stack is stopping");
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak().realmUrl());
        // Where each service finds the others (REST clients are named after the module they call).
        for (Service other : Service.values()) {
            config.put("quarkus.rest-client." + other.module() + ".url",
                    "http://127.0.0.1:" + settings.servicePorts().get(other));
        }
        if (service.database() != null) {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        if (service == Service.ELIGIBILITY) {
            // its OIDC client reads Keycloak's metadata at start; on a loaded machine that takes longer than in production
            config.put("quarkus.oidc-client.connection-timeout", "30S");
        }
        if (service == Service.PAYMENT) {
            config.put("lifeevents.payment.bank.url", "http://127.0.0.1:" + settings.servicePorts().get(Service.BANK));
        }
        if (service == Service.NOTIFICATION) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(mail.smtpPort()));
            config.put("lifeevents.notification.portal-url",
                    "http://127.0.0.1:" + settings.servicePorts().get(Service.PORTAL));
            config.put("lifeevents.notification.email.verification-base-url", "http://127.0.0.1:" + port);
        }
        // The stack lives on the real date unless told to live on another (LIFEEVENTS_BUSINESS_DATE=2027-01-10, or
        // -Dlifeevents.stack.business-date): a demo of the payment day, or a walk through months. Production never does.
        String businessDate = movedTo != null ? movedTo.toString()
                : System.getProperty(BUSINESS_DATE, System.getenv().getOrDefault("LIFEEVENTS_BUSINESS_DATE", "")).trim();
        if (!businessDate.isEmpty()) {
            config.put("lifeevents.time.business-date", businessDate);
        }
        // A stack that may be moved later (the system tests, -Dlifeevents.stack.allow-business-date=true) starts on the
        // real date and allows the move; see moveBusinessDate.
        if (!businessDate.isEmpty() || Boolean.getBoolean(ALLOW_BUSINESS_DATE)) {
            config.put("lifeevents.time.allow-business-date", "true");
        }
        // Settings for one service from the launching JVM, -Dlifeevents.stack.<module>.<key>=<value>: the system tests
        // shorten the waits of the domain (30 days) to seconds this way.
        String prefix = "lifeevents.stack." + service.module() + ".";
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                config.put(key.substring(prefix.length()), System.getProperty(key));
            }
        }
        Path jar = settings.checkout().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(instanceName, jar, port, config,
                settings.dataDir().resolve("logs").resolve(instanceName + ".log"));
    }

    /**
     * Starts one more instance of the service on a free port with the same configuration (the same database and
     * consumer group), waits until it is ready, and returns it; for tests of scaling out. It is stopped with the stack
     * unless stopped before.
     */
    public Instance startAnotherInstance(Service service) {
        ServiceProcess extra = startService(service, Ports.free(),
                service.module() + "-" + (++extraInstances));
        extras.put(extra, service);
        extra.awaitReady();
        return new Instance(extra);
    }

    /** A further instance of a service. */
    public static final class Instance {
        private final ServiceProcess process;

        private Instance(ServiceProcess process) {
            this.process = process;
        }

        public String url() {
            return process.url();
        }

        /** Stops it as an operator would (its consumers leave the group, which rebalances). */
        public void stop() {
            process.close();
        }

        /** Kills it without warning, as a crash would (the group rebalances once its session times out). */
        public void kill() {
            process.kill();
        }
    }

    /**
     * Moves the business date of every service that keeps one ({@code PUT /admin/business-date} as the operator), in
     * the order of {@link Service}, and returns it. Forward only: a service refuses an earlier date. Instances started
     * afterwards start on it.
     */
    public LocalDate moveBusinessDate(LocalDate date) {
        String token = keycloak().tokens().person(OPERATOR);
        List<ServiceProcess> targets = new ArrayList<>();
        for (Service service : Service.values()) {
            if (service.hasBusinessDate() && services.containsKey(service)) {
                targets.add(services.get(service));
            }
        }
        synchronized (extras) {
            extras.forEach((extra, service) -> {
                if (service.hasBusinessDate()) {
                    targets.add(extra);
                }
            });
        }
        movedTo = date;
        for (ServiceProcess target : targets) {
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(target.url() + "/admin/business-date"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + date + "\"}")), target);
            if (!date.toString().equals(answer.path("date").asText())) {
                throw new IllegalStateException(target.name() + " lives on " + answer.path("date") + ", not " + date);
            }
        }
        LOG.infof("The stack lives on %s", date);
        return date;
    }

    /** The business date of a service, as it answers {@code GET /admin/business-date}. */
    public LocalDate businessDate(Service service) {
        ServiceProcess target = services.get(service);
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(target.url() + "/admin/business-date"))
                .header("Authorization", "Bearer " + keycloak().tokens().person(OPERATOR)).GET(), target);
        return LocalDate.parse(answer.path("date").asText());
    }

    private static JsonNode send(HttpRequest.Builder request, ServiceProcess target) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target.name() + " answered " + response.statusCode() + " to "
                        + request.build().method() + " /admin/business-date: " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills a service without warning (a crash), then starts it again and waits until it is ready. */
    public void crashAndRestart(Service service) {
        services.get(service).kill();
        ServiceProcess restarted = startService(service);
        services.put(service, restarted);
        restarted.awaitReady();
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    public KeycloakServer keycloak() {
        return keycloak.join();
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public boolean isClosed() {
        return closed;
    }

    public StackSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.addAll(extras.keySet());
        // All at once: one after the other, seven graceful shutdowns outlast the time a test JVM is given to exit, and
        // what was not stopped by then would be left running.
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess service : running) {
            stopping.add(startThread(() -> quietly("stopping " + service.name(), service::close)));
        }
        if (keycloak != null) {
            stopping.add(startThread(() -> quietly("stopping Keycloak", () -> keycloak.join().close())));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            quietly("stopping Kafka", kafka::close);
        }
        if (postgres != null) {
            quietly("stopping PostgreSQL", postgres::close);
        }
        if (mail != null) {
            quietly("stopping the mail server", mail::close);
        }
    }

    /** Whether this stack runs the service: a stack for people runs every one; see {@link Service#inTestStacks()}. */
    public boolean runs(Service service) {
        return settings.keepData() || service.inTestStacks() || Boolean.getBoolean(NOTIFICATIONS);
    }

    /** The demo mail server the notification service sends to, or null when this stack does not run that service. */
    public MailServer mail() {
        return mail;
    }

    private static Thread startThread(Runnable action) {
        Thread thread = new Thread(action, "local-stack-stop");
        thread.start();
        return thread;
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s failed: %s", what, e.getMessage());
        }
    }
}
