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

    /**
     * Partitions of an event topic in a deployment. A key's partition is its hash modulo this count, so changing it
     * later breaks the order per key of what is already on the topic: it is chosen large enough up front. It bounds
     * the consumers of one group (the eligibility service runs three per instance on the registry's topics, so four
     * instances); 12 divides among 1, 2, 3, 4 and 6 consumers evenly.
     */
    public static final int PARTITIONS = 12;

    /** {@code retention.ms} of a topic kept for ever: a new instance or service rebuilds its state from the topics. */
    public static final long RETAIN_FOREVER = -1;

    /**
     * A topic, whether it is compacted (it holds a table: the latest value per key is the state), its partitions and
     * its retention ({@code retention.ms}, {@link #RETAIN_FOREVER} or milliseconds; a compacted topic keeps each key's
     * latest value whatever it says). A deployment creates its topics from these (see {@code deploy/}).
     */
    public record Definition(String name, boolean compacted, int partitions, long retentionMs) {

        /** An event topic of {@link #PARTITIONS} partitions, kept for ever. */
        public Definition(String name, boolean compacted) {
            this(name, compacted, PARTITIONS, RETAIN_FOREVER);
        }
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
            // One small table read whole when a relay starts; one partition keeps that read trivial.
            new Definition(OUTBOX_PROGRESS, true, 1, RETAIN_FOREVER));

    private Topics() {
    }

    /**
     * The dead-letter topic of one consuming service for one source topic, e.g.
     * {@code registry.registrations.v1.eligibility-service.dead-letter}.
     */
    public static String deadLetter(String topic, String consumingService) {
        return topic + "." + consumingService + DEAD_LETTER_SUFFIX;
    }

    /**
     * The definition of a dead-letter topic: one partition (refused records are few and a re-drive reads them all),
     * kept for ever, as a refused record stays there until an operator re-drives it.
     */
    public static Definition deadLetterDefinition(String topic, String consumingService) {
        return new Definition(deadLetter(topic, consumingService), false, 1, RETAIN_FOREVER);
    }
}
