package org.lifeevents.bank;

import java.util.List;
import java.util.Optional;

import com.prowidesoftware.swift.model.IBAN;

/** Decides, deterministically from configured lists, whether the bank credits an account or rejects it and why. */
public final class AccountRules {

    /** ISO 20022 external status reason codes the simulator answers with. */
    public static final String INCORRECT_ACCOUNT = "AC01";
    public static final String CLOSED_ACCOUNT = "AC04";
    public static final String DECEASED = "MD07";

    private final List<String> incorrect;
    private final List<String> closed;
    private final List<String> deceased;

    public AccountRules(List<String> incorrect, List<String> closed, List<String> deceased) {
        this.incorrect = incorrect.stream().map(AccountRules::normal).toList();
        this.closed = closed.stream().map(AccountRules::normal).toList();
        this.deceased = deceased.stream().map(AccountRules::normal).toList();
    }

    static AccountRules of(BankConfig config) {
        return new AccountRules(config.incorrectAccounts().orElse(List.of()), config.closedAccounts().orElse(List.of()),
                config.deceasedAccounts().orElse(List.of()));
    }

    /** The reason code a credit to the account is rejected with, or empty when the bank credits it. */
    public Optional<String> rejection(String iban) {
        String account = normal(iban == null ? "" : iban);
        if (deceased.contains(account)) {
            return Optional.of(DECEASED);
        }
        if (closed.contains(account)) {
            return Optional.of(CLOSED_ACCOUNT);
        }
        if (incorrect.contains(account) || !new IBAN(account).isValid()) {
            return Optional.of(INCORRECT_ACCOUNT);
        }
        return Optional.empty();
    }

    private static String normal(String iban) {
        return iban.replace(" ", "").toUpperCase();
    }
}
