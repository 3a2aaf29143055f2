package org.lifeevents.bank;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the simulated bank behaves: who may send it files, and which accounts it rejects and why. */
@ConfigMapping(prefix = "bank")
public interface BankConfig {

    /**
     * The shared key a client sends in {@code X-Api-Key}. The default is a DEMO value for the local stack; a deployment
     * sets its own (and would use mutual TLS with a real bank).
     */
    @WithDefault("bank-demo-api-key")
    String apiKey();

    /** The simulated bank's own BIC, named in its status reports. */
    @WithDefault("LEBKEE22XXX")
    String bic();

    /** Accounts the bank does not know: rejected with AC01 (incorrect account number). */
    Optional<List<String>> incorrectAccounts();

    /** Accounts that were closed: rejected with AC04 (closed account number). */
    Optional<List<String>> closedAccounts();

    /** Accounts whose holder died: rejected with MD07 (end customer deceased). */
    Optional<List<String>> deceasedAccounts();

    /**
     * Where the bank keeps the files it received and its journal of them, so a restart forgets nothing; without it the
     * bank remembers files only while it runs.
     */
    Optional<String> dataDir();
}
