package org.lifeevents.consent.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeevents.consent.consent.Consent;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answer the consent check gives, as a table of a person's consents at one moment. */
class ConsentDecisionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no consents", List.of(), "NO_CONSENT"),
                Arguments.of("open-ended, both categories", List.of(consent(A, "TAX_INCOME,HOUSEHOLD", -10, null, null)),
                        "ALLOWED:A"),
                Arguments.of("other category only", List.of(consent(A, "HOUSEHOLD", -10, null, null)), "NO_CONSENT"),
                Arguments.of("other purpose only", List.of(consent(A, "TAX_INCOME", -10, null, null).withPurpose("OTHER")),
                        "NO_CONSENT"),
                Arguments.of("not started yet", List.of(consent(A, "TAX_INCOME", 1, null, null)), "NO_CONSENT"),
                Arguments.of("ends in the future", List.of(consent(A, "TAX_INCOME", -10, 5, null)), "ALLOWED:A"),
                Arguments.of("ended exactly now (until is exclusive)", List.of(consent(A, "TAX_INCOME", -10, 0, null)),
                        "EXPIRED"),
                Arguments.of("revoked", List.of(consent(A, "TAX_INCOME", -10, null, -1)), "REVOKED"),
                Arguments.of("revoked this instant", List.of(consent(A, "TAX_INCOME", -10, null, 0)), "REVOKED"),
                Arguments.of("revoked later than now (clock) is still in force",
                        List.of(consent(A, "TAX_INCOME", -10, null, 1)), "ALLOWED:A"),
                Arguments.of("revoked, then a new one",
                        List.of(consent(A, "TAX_INCOME", -10, null, -5), consent(B, "TAX_INCOME", -4, null, null)),
                        "ALLOWED:B"),
                Arguments.of("two in force: the longer lasting one",
                        List.of(consent(A, "TAX_INCOME", -10, 30, null), consent(B, "TAX_INCOME", -5, 20, null)), "ALLOWED:A"),
                Arguments.of("open-ended outlasts a dated one",
                        List.of(consent(A, "TAX_INCOME", -10, 30, null), consent(B, "TAX_INCOME", -5, null, null)),
                        "ALLOWED:B"),
                Arguments.of("expired long ago, revoked recently: the latest end speaks",
                        List.of(consent(A, "TAX_INCOME", -30, -20, null), consent(B, "TAX_INCOME", -10, null, -2)), "REVOKED"),
                Arguments.of("revoked long ago, expired recently: the latest end speaks",
                        List.of(consent(A, "TAX_INCOME", -30, null, -20), consent(B, "TAX_INCOME", -10, -2, null)), "EXPIRED"),
                Arguments.of("ended one and one not started",
                        List.of(consent(A, "TAX_INCOME", -30, -20, null), consent(B, "TAX_INCOME", 3, null, null)), "EXPIRED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answers(String name, List<TestConsent> consents, String expected) {
        List<Consent> entities = new ArrayList<>(consents.stream().map(TestConsent::entity).toList());
        ConsentCheckResult result = ConsentDecision.decide(entities, "FAMILY_BENEFITS", "TAX_INCOME", NOW);
        String answer = result instanceof ConsentCheckResult.Allowed allowed
                ? "ALLOWED:" + (allowed.consentId().equals(A) ? "A" : "B")
                : ((ConsentCheckResult.Refused) result).reason().name();
        assertThat(answer).isEqualTo(expected);
        assertThat(result.allowed()).isEqualTo(expected.startsWith("ALLOWED"));
    }

    /** A consent described in days relative to now. */
    record TestConsent(Consent entity) {
        TestConsent withPurpose(String purpose) {
            entity.purpose = purpose;
            return this;
        }
    }

    private static TestConsent consent(UUID id, String categories, int fromDays, Integer untilDays, Integer revokedDays) {
        Consent c = new Consent();
        c.consentId = id;
        c.personId = "49403136515";
        c.purpose = "FAMILY_BENEFITS";
        c.dataCategories = List.of(categories.split(","));
        c.validFrom = NOW.plus(Duration.ofDays(fromDays));
        c.grantedAt = NOW.plus(Duration.ofDays(Math.min(fromDays, 0)));
        c.validUntil = untilDays == null ? null : NOW.plus(Duration.ofDays(untilDays));
        c.revokedAt = revokedDays == null ? null : NOW.plus(Duration.ofDays(revokedDays));
        return new TestConsent(c);
    }
}
