package org.lifeevents.localstack;

/** The services of the system, as the local stack runs them. */
public enum Service {

    REGISTRY("birth-registry-service", "registry", 8081, true),
    CONSENT("consent-service", "consent", 8082, true),
    ELIGIBILITY("eligibility-service", "eligibility", 8083, true),
    PAYMENT("payment-service", "payment", 8084, true),
    /**
     * Tells families by e-mail and in the portal inbox. The system tests' stacks leave it out (nothing there reads
     * notices; one JVM less on a two-core machine) unless {@code -Dlifeevents.stack.notifications=true}.
     */
    NOTIFICATION("notification-service", "notification", 8086, true, false),
    /** The bank the payment service sends its pain.001 files to (a simulator; it keeps no database). */
    BANK("bank-simulator", null, 8085, false),
    /** The web pages of parents, caseworkers and auditors; it keeps no database and calls the services above. */
    PORTAL("portal", null, 8080, false);

    private final String module;
    private final String database;
    private final int defaultPort;
    private final boolean businessDate;
    private final boolean inTestStacks;

    Service(String module, String database, int defaultPort, boolean businessDate) {
        this(module, database, defaultPort, businessDate, true);
    }

    Service(String module, String database, int defaultPort, boolean businessDate, boolean inTestStacks) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
        this.businessDate = businessDate;
        this.inTestStacks = inTestStacks;
    }

    /** Whether a stack for a test run (throw-away data, free ports) starts it too. */
    public boolean inTestStacks() {
        return inTestStacks;
    }

    /**
     * Whether the service lives on the engine's business date (the common jar's clock and its
     * {@code /admin/business-date}); the bank and the portal keep no dates of the engine.
     */
    public boolean hasBusinessDate() {
        return businessDate;
    }

    public String module() {
        return module;
    }

    /** The service's own database, or null when it keeps none. */
    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
