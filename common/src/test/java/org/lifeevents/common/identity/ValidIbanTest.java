package org.lifeevents.common.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValidIbanTest {

    @ParameterizedTest
    @ValueSource(strings = { "EE382200221020145685", "EE181010220034567011", "DE89370400440532013000", "FI2112345600000785" })
    void acceptsValidIbans(String iban) {
        assertThat(ValidIban.Validator.problem(iban)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "EE382200221020145686, check digits do not match (mod 97)",
            "EE3822002210201456, length",
            "XX382200221020145685, unknown or unsupported country"
    })
    void refusesInvalidIbans(String iban, String problem) {
        assertThat(ValidIban.Validator.problem(iban)).contains(problem);
    }
}
