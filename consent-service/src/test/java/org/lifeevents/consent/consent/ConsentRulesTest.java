package org.lifeevents.consent.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeevents.common.problem.Problem.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a consent request, as a table: what is refused, with which field and code. */
class ConsentRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("both categories, open-ended",
                        request("FAMILY_BENEFITS", List.of("TAX_INCOME", "HOUSEHOLD"), null, null), List.of()),
                Arguments.of("a year from a later start",
                        request("FAMILY_BENEFITS", List.of("TAX_INCOME"), days(10), days(375)), List.of()),
                Arguments.of("from a moment ago (clock difference)",
                        request("FAMILY_BENEFITS", List.of("HOUSEHOLD"), NOW.minusSeconds(60), null), List.of()),
                Arguments.of("unknown purpose", request("MARKETING", List.of("TAX_INCOME"), null, null),
                        List.of("purpose:unknown_purpose")),
                Arguments.of("purpose in lower case", request("family_benefits", List.of("TAX_INCOME"), null, null),
                        List.of("purpose:unknown_purpose")),
                Arguments.of("unknown category", request("FAMILY_BENEFITS", List.of("TAX_INCOME", "HEALTH"), null, null),
                        List.of("dataCategories[1]:unknown_data_category")),
                Arguments.of("until before from", request("FAMILY_BENEFITS", List.of("TAX_INCOME"), days(10), days(5)),
                        List.of("validUntil:not_after_valid_from")),
                Arguments.of("until equal to from", request("FAMILY_BENEFITS", List.of("TAX_INCOME"), days(10), days(10)),
                        List.of("validUntil:not_after_valid_from")),
                Arguments.of("until in the past", request("FAMILY_BENEFITS", List.of("TAX_INCOME"), null, days(-1)),
                        List.of("validUntil:in_past")),
                Arguments.of("from in the past", request("FAMILY_BENEFITS", List.of("TAX_INCOME"), days(-1), null),
                        List.of("validFrom:in_past")),
                Arguments.of("everything wrong at once", request("X", List.of("Y"), days(-2), days(-3)),
                        List.of("purpose:unknown_purpose", "dataCategories[0]:unknown_data_category", "validFrom:in_past",
                                "validUntil:in_past")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void refusesWhatBreaksARuleAndNamesTheField(String name, ConsentRequest request, List<String> expected) {
        List<String> problems = ConsentRules.problems(request, NOW).stream()
                .map((FieldError e) -> e.field() + ":" + e.code()).toList();
        assertThat(problems).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void aConsentNeverStartsBeforeItIsGivenAndListsEachCategoryOnce() {
        ConsentRequest request = request("FAMILY_BENEFITS", List.of("TAX_INCOME", "TAX_INCOME", "HOUSEHOLD"),
                NOW.minusSeconds(30), null);
        assertThat(ConsentRules.effectiveFrom(request, NOW)).isEqualTo(NOW);
        assertThat(ConsentRules.effectiveFrom(request("FAMILY_BENEFITS", List.of("HOUSEHOLD"), days(3), null), NOW))
                .isEqualTo(days(3));
        assertThat(ConsentRules.categories(request)).containsExactly("TAX_INCOME", "HOUSEHOLD");
    }

    private static ConsentRequest request(String purpose, List<String> categories, Instant from, Instant until) {
        return new ConsentRequest(purpose, categories, from, until);
    }

    private static Instant days(int n) {
        return NOW.plus(Duration.ofDays(n));
    }
}
