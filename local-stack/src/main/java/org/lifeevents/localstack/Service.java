package org.lifeevents.localstack;

/** The services of the system, as the local stack runs them. */
public enum Service {

    REGISTRY("birth-registry-service", "registry", 8081),
    CONSENT("consent-service", "consent", 8082),
    ELIGIBILITY("eligibility-service", "eligibility", 8083),
    PAYMENT("payment-service", "payment", 8084),
    /** The bank the payment service sends its pain.001 files to (a simulator; it keeps no database). */
    BANK("bank-simulator", null, 8085),
    /** The web pages of parents, caseworkers and auditors; it keeps no database and calls the services above. */
    PORTAL("portal", null, 8080);

    private final String module;
    private final String database;
    private final int defaultPort;

    Service(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
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
