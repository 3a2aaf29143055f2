package org.lifeevents.eligibility.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped parameter file: every figure of the domain brief, effective-dated, with unit and legal reference. */
class ParameterTableTest {

    static final ParameterTable REFERENCE = ParameterTable.fromClasspath("ruleset/parameters.json");

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "BIRTH_GRANT_PER_CHILD, 32000", "BIRTH_GRANT_PER_CHILD_MULTIPLE, 100000",
            "BIRTH_GRANT_MULTIPLE_BIRTH_MIN_CHILDREN, 3", "CHILD_ALLOWANCE_FIRST_AND_SECOND, 8000",
            "CHILD_ALLOWANCE_THIRD_AND_FURTHER, 10000", "CHILD_ALLOWANCE_HIGHER_RATE_FROM_POSITION, 3",
            "CHILD_ALLOWANCE_AGE_LIMIT, 16", "LARGE_FAMILY_ALLOWANCE, 30000", "LARGE_FAMILY_MIN_CHILDREN, 3",
            "LARGE_FAMILY_ALLOWANCE_HIGHER, 45000", "LARGE_FAMILY_HIGHER_MIN_CHILDREN, 7", "SINGLE_PARENT_ALLOWANCE, 8000",
            "PARENTAL_BENEFIT_MONTHS, 15", "PARENTAL_BENEFIT_FLOOR, 82000", "PARENTAL_BENEFIT_CAP, 520000",
            "FUNERAL_GRANT, 25000", "ADULT_AGE, 18", "SURVIVOR_CHILD_ALLOWANCE, 15000",
            "SURVIVOR_CHILD_ALLOWANCE_AGE_LIMIT, 18" })
    void theReferenceRulesetHasTheFiguresOfTheDomainBriefFrom2025(String name, long value) {
        ParameterTable.Value found = REFERENCE.valueOn(name, LocalDate.of(2025, 1, 1));

        assertThat(found.value()).isEqualTo(value);
        assertThat(found.unit()).isNotBlank();
        assertThat(found.legalReference()).startsWith("Life-Event Benefits Act");
        assertThat(found.id()).isEqualTo(name + "@2025-01-01");
    }

    @Test
    void goLiveIs2026January1st() {
        assertThat(REFERENCE.goLive()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(REFERENCE.goLiveLegalReference()).contains("§ 12");
    }

    @Test
    void aValueHoldsFromItsDateUntilTheNextOnes() throws IOException {
        ParameterTable raised = Rulesets.withValue("CHILD_ALLOWANCE_FIRST_AND_SECOND", "2027-01-01", 9000);

        assertThat(raised.valueOn("CHILD_ALLOWANCE_FIRST_AND_SECOND", LocalDate.of(2026, 12, 31)).value()).isEqualTo(8000);
        assertThat(raised.valueOn("CHILD_ALLOWANCE_FIRST_AND_SECOND", LocalDate.of(2027, 1, 1)).value()).isEqualTo(9000);
    }

    @Test
    void aDayBeforeAnyValueIsAnError() {
        assertThatThrownBy(() -> REFERENCE.valueOn("FUNERAL_GRANT", LocalDate.of(2024, 12, 31)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileMissingAParameterIsRefusedAtStartUp() throws IOException {
        ObjectNode file = Rulesets.reference();
        ((ObjectNode) file.get("parameters")).remove("PARENTAL_BENEFIT_CAP");

        assertThatThrownBy(() -> ParameterTable.load(new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(file))))
                .hasMessageContaining("PARENTAL_BENEFIT_CAP is missing");
    }

}
