package org.lifeevents.registry.write;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeevents.common.problem.Problem;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BodyDifferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} vs {1} -> [{2}]")
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1}                         | {\"a\": 1}                          | ''",
            "{\"a\": 1}                         | {\"a\": 2}                          | a",
            "{\"a\": 1, \"b\": null}            | {\"a\": 1}                          | ''",
            "{\"a\": 1}                         | {\"a\": 1, \"b\": \"x\"}            | b",
            "{\"m\": {\"g\": \"A\", \"f\": \"B\"}} | {\"m\": {\"g\": \"A\", \"f\": \"C\"}} | m.f",
            "{\"l\": [1, 2]}                    | {\"l\": [1, 3]}                     | l[1]",
            "{\"l\": [1, 2]}                    | {\"l\": [1]}                        | l",
            "{\"a\": 1, \"b\": 2}               | {\"a\": 2, \"b\": 3}                | a,b" })
    void namesEveryDifferingFieldByItsPath(String first, String now, String fields) throws Exception {
        List<Problem.FieldError> differences = BodyDifferences.between(JSON.readTree(first), JSON.readTree(now));

        assertThat(differences).extracting(Problem.FieldError::field)
                .containsExactly(fields.isEmpty() ? new String[0] : fields.split(","));
        assertThat(differences).allSatisfy(d -> assertThat(d.code()).isEqualTo(BodyDifferences.CODE));
    }
}
