package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeevents.events.consent.DataAccessedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reported data accesses are recorded and which go to the dead-letter topic, and why. */
class DataAccessRulesTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("statutory task, no consent", (Consumer<DataAccessedEvent.Builder>) b -> {
                }, null),
                Arguments.of("under a consent", (Consumer<DataAccessedEvent.Builder>) b -> b.setLegalBasis("CONSENT")
                        .setConsentId("3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c"), null),
                Arguments.of("consent basis without a consent", (Consumer<DataAccessedEvent.Builder>) b -> b
                        .setLegalBasis("CONSENT"), "consentId is required"),
                Arguments.of("consent id not a UUID", (Consumer<DataAccessedEvent.Builder>) b -> b.setLegalBasis("CONSENT")
                        .setConsentId("C-1"), "consentId is not a UUID"),
                Arguments.of("invalid subject", (Consumer<DataAccessedEvent.Builder>) b -> b.setSubjectPersonId("49403136516"),
                        "subjectPersonId check digit"),
                Arguments.of("unknown category", (Consumer<DataAccessedEvent.Builder>) b -> b.setDataCategory("HEALTH"),
                        "dataCategory must be one of"),
                Arguments.of("unknown purpose", (Consumer<DataAccessedEvent.Builder>) b -> b.setPurpose("MARKETING"),
                        "purpose must be one of"),
                Arguments.of("unknown legal basis", (Consumer<DataAccessedEvent.Builder>) b -> b.setLegalBasis("CURIOSITY"),
                        "legalBasis must be"),
                Arguments.of("access id not a UUID", (Consumer<DataAccessedEvent.Builder>) b -> b.setAccessId("A-1"),
                        "accessId is not a UUID"),
                Arguments.of("no accessor", (Consumer<DataAccessedEvent.Builder>) b -> b.setAccessorService(" "),
                        "accessorService"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void namesEveryReasonToRefuse(String name, Consumer<DataAccessedEvent.Builder> change, String problem) {
        DataAccessedEvent.Builder builder = DataAccessEvents.access("49403136515", Instant.parse("2026-03-02T08:00:00Z"));
        change.accept(builder);
        if (problem == null) {
            assertThat(DataAccessRules.problems(builder.build())).isEmpty();
        } else {
            assertThat(DataAccessRules.problems(builder.build())).anySatisfy(p -> assertThat(p).contains(problem));
        }
    }
}
