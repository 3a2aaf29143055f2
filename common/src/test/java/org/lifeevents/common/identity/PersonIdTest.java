package org.lifeevents.common.identity;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonIdTest {

    @ParameterizedTest(name = "{0} is valid ({1})")
    @CsvSource({
            "49403136515, first pass check digit",
            "39205202210, check digit 0 from the first pass",
            "62603020013, born 2026",
            "37605030299, check digit from the second pass",
            "38001085718, a published example"
    })
    void acceptsValidIds(String id, String why) {
        assertThat(PersonId.problem(id)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "4940313651, must be 11 digits",
            "494031365150, must be 11 digits",
            "4940313651X, must be 11 digits",
            "79403136515, first digit must be 1 to 6 (century and sex)",
            "49402306515, digits 2-7 must be a real date of birth",
            "49413136515, digits 2-7 must be a real date of birth",
            "49403136516, check digit does not match"
    })
    void refusesInvalidIds(String id, String problem) {
        assertThat(PersonId.problem(id)).contains(problem);
    }

    @ParameterizedTest
    @CsvSource({ "F, 1994-03-13, 651, 49403136515", "M, 1992-05-20, 221, 39205202210", "F, 2026-03-02, 1, 62603020013" })
    void buildsIdsThatCarryBirthDateAndSex(String sex, LocalDate birthDate, int serial, String expected) {
        PersonId id = PersonId.of(sex, birthDate, serial);

        assertThat(id.value()).isEqualTo(expected);
        assertThat(id.birthDate()).isEqualTo(birthDate);
        assertThat(id.sex()).isEqualTo(sex);
    }
}
