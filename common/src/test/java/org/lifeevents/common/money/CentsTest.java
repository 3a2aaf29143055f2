package org.lifeevents.common.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentsTest {

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
            "4200000, 12, 350000",
            "1000006, 12, 83334", // 83333.83 rounds up
            "1000002, 12, 83334", // 83333.5 rounds half up
            "1000001, 12, 83333", // 83333.41 rounds down
            "0, 12, 0"
    })
    void dividesRoundingHalfUpOnce(long numerator, long divisor, long expected) {
        assertThat(Cents.divideHalfUp(numerator, divisor)).isEqualTo(expected);
    }

    @Test
    void formatsAndParsesEuros() {
        assertThat(Cents.format(32000)).isEqualTo("320.00 EUR");
        assertThat(Cents.format(5)).isEqualTo("0.05 EUR");
        assertThat(Cents.parseEuros("320.00")).isEqualTo(32000);
        assertThat(Cents.parseEuros("82")).isEqualTo(8200);
        assertThatThrownBy(() -> Cents.parseEuros("1.005")).isInstanceOf(ArithmeticException.class);
    }
}
