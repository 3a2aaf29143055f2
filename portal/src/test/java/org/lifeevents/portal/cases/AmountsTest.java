package org.lifeevents.portal.cases;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts in euros as caseworkers type them, read into exact cents. */
class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1250        | 125000",
            "1250.5      | 125050",
            "1250.50     | 125050",
            "1250,50     | 125050",
            "1 250,50    | 125050",
            "€ 1000.01   | 100001",
            "0.01        | 1",
            "0           | 0",
            "12.345      | -",
            "-5          | -",
            "abc         | -",
            "1.2.3       | -",
            "''          | -",
            "-           | -" })
    void parseEuros(String text, Long cents) {
        assertThat(Amounts.parseEuros(text)).isEqualTo(Optional.ofNullable(cents));
    }
}
