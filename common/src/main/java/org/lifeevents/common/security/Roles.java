package org.lifeevents.common.security;

/** The realm roles of the domain's actors, as Keycloak puts them in {@code realm_access.roles}. */
public final class Roles {

    public static final String REGISTRY = "registry";
    public static final String TAX_FEED = "tax-feed";
    public static final String CITIZEN = "citizen";
    public static final String CASEWORKER = "caseworker";
    public static final String AUDITOR = "auditor";
    public static final String PAYMENT_OPERATOR = "payment-operator";
    /** Runs the platform: re-drives records a consumer dead-lettered once the fault is fixed. */
    public static final String OPERATOR = "operator";
    /** A service that may ask the consent service whether a consent allows a use of a person's data. */
    public static final String CONSENT_CHECK = "consent-check";

    private Roles() {
    }
}
