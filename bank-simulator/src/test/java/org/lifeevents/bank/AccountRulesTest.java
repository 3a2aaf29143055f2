package org.lifeevents.bank;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRulesTest {

    private final AccountRules rules = new AccountRules(List.of("EE231010220000000001"), List.of("EE93 1010 2200 0000 0002"),
            List.of("ee661010220000000003"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "CREDITED", value = {
            "EE382200221020145685, CREDITED",
            "EE231010220000000001, AC01",
            "EE931010220000000002, AC04",
            "EE661010220000000003, MD07",
            "ee66 1010 2200 0000 0003, MD07",
            "EE382200221020145686, AC01",
            "XX00, AC01" })
    void creditsOrRejectsByTheConfiguredLists(String iban, String reason) {
        assertThat(rules.rejection(iban)).isEqualTo(Optional.ofNullable(reason));
    }
}
