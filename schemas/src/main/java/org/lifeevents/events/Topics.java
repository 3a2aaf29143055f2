package org.lifeevents.events;

import java.util.List;

/**
 * Names of the Kafka topics that carry the events of {@code schemas}; the one place producers, consumers, the local
 * stack and tests take them from. The suffix is the contract's major version.
 */
public final class Topics {

    /** Births, deaths, corrections and revocations; key: the subject's person id (orders everything about a person). */
    public static final String REGISTRATIONS = "registry.registrations.v1";
    /** Household snapshots; compacted, key: household id. */
    public static final String HOUSEHOLDS = "registry.households.v1";
    /** Assessed annual incomes; compacted, key: {@code personId:taxYear}. */
    public static final String INCOMES = "tax.incomes.v1";
    /** Refund accounts on record at the tax authority; compacted, key: person id. */
    public static final String TAX_REFUND_ACCOUNTS = "tax.refund-accounts.v1";
    /** Every consent of a person; compacted, key: person id. */
    public static final String CONSENTS = "consent.consents.v1";
    /** Reads of a person's tax or household data; key: the data subject's person id. */
    public static final String DATA_ACCESS = "consent.data-access.v1";
    /** Whether a person has a payout account; compacted, key: person id. */
    public static final String PAYOUT_ACCOUNTS = "payment.payout-accounts.v1";
    /** Entitlements decided, changed, stopped, and recovery claims; key: entitlement id. */
    public static final String ENTITLEMENTS = "eligibility.entitlements.v1";
    /** Cases opened and resolved; key: case id. */
    public static final String CASES = "eligibility.cases.v1";
    /** Payments scheduled, sent, settled and failed; key: entitlement id. */
    public static final String PAYMENTS = "payment.payments.v1";
    /**
     * Which outbox rows each service's relay published, written in the same Kafka transaction as the events; compacted,
     * key: relay name. It lets a relay that crashed after publishing skip what it already sent.
     */
    public static final String OUTBOX_PROGRESS = "outbox.relay-progress.v1";

    /** Suffix of the dead-letter topic a consumer sends a message it refuses to, with the reason in headers. */
    public static final String DEAD_LETTER_SUFFIX = ".dead-letter";

    /** A topic and whether it is compacted (it holds a table: the latest value per key is the state). */
    public record Definition(String name, boolean compacted) {
    }

    /** Every topic, for whoever creates them (the local stack, tests, a deployment). */
    public static final List<Definition> ALL = List.of(
            new Definition(REGISTRATIONS, false),
            new Definition(HOUSEHOLDS, true),
            new Definition(INCOMES, true),
            new Definition(TAX_REFUND_ACCOUNTS, true),
            new Definition(CONSENTS, true),
            new Definition(DATA_ACCESS, false),
            new Definition(PAYOUT_ACCOUNTS, true),
            new Definition(ENTITLEMENTS, false),
            new Definition(CASES, false),
            new Definition(PAYMENTS, false),
            new Definition(OUTBOX_PROGRESS, true));

    private Topics() {
    }

    /**
     * The dead-letter topic of one consuming service for one source topic, e.g.
     * {@code registry.registrations.v1.eligibility-service.dead-letter}.
     */
    public static String deadLetter(String topic, String consumingService) {
        return topic + "." + consumingService + DEAD_LETTER_SUFFIX;
    }
}
