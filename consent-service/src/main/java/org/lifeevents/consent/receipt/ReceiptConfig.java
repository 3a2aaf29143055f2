package org.lifeevents.consent.receipt;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What consent receipts say about the controller, and where the key that signs them comes from. */
@ConfigMapping(prefix = "lifeevents.receipts")
public interface ReceiptConfig {

    /** The {@code iss} of every receipt: this service's public base URL. */
    String issuer();

    /** ISO 3166-1 alpha-2 code of the jurisdiction the consent is given under. */
    @WithDefault("EE")
    String jurisdiction();

    /** BCP 47 language of the consent interaction. */
    @WithDefault("en")
    String language();

    /** How the consent was collected, in words. */
    @WithDefault("Explicit opt-in by the authenticated person in the citizen portal (consent service API)")
    String collectionMethod();

    /** The controller's privacy policy. */
    String policyUrl();

    /** Name of the service the consent is given to, as the receipt shows it. */
    @WithDefault("Proactive life-event benefits")
    String serviceName();

    /**
     * The signing key in production: a PEM bundle with an EC P-256 private key (PKCS#8, {@code BEGIN PRIVATE KEY}) and
     * its public key ({@code BEGIN PUBLIC KEY}). Set it from a secret in the environment
     * ({@code LIFEEVENTS_RECEIPTS_SIGNING_KEY_PEM}); it is never stored by the service, only its public part.
     */
    Optional<String> signingKeyPem();

    /**
     * Without a configured key: generate one on first start and keep it in the service's database, so receipts stay
     * verifiable across restarts. For the local stack and tests only: whoever reads the database can sign receipts.
     */
    @WithDefault("false")
    boolean generateKeyIfMissing();

    Controller controller();

    /** The PII controller of the Kantara receipt: who is accountable for the data. */
    interface Controller {

        String name();

        String contact();

        String email();

        String phone();

        String url();

        String streetAddress();

        String locality();

        String postalCode();

        @WithDefault("EE")
        String country();
    }
}
