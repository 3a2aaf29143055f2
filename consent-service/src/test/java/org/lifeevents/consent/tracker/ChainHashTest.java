package org.lifeevents.consent.tracker;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form and hashes of a data-access entry: stable, and sensitive to every field. */
class ChainHashTest {

    private static final EntryContent ENTRY = new EntryContent("49403136515", 3,
            UUID.fromString("0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"), "5e0a7c1d-2b3c-4d5e-8f9a-0b1c2d3e4f5a",
            "eligibility-service", "TAX_INCOME", "FAMILY_BENEFITS", "CONSENT",
            UUID.fromString("3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c"), true, "D-1", "taxable income 2025", "corr-1",
            Instant.parse("2026-03-02T08:16:05.120Z"), Instant.parse("2026-03-02T08:16:05.410123Z"));

    @Test
    void theCanonicalFormIsFixedSoAnyoneCanRecomputeIt() {
        assertThat(ChainHash.canonical(ENTRY)).isEqualTo("{\"accessId\":\"0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\","
                + "\"accessedAt\":\"2026-03-02T08:16:05.120Z\",\"accessorService\":\"eligibility-service\","
                + "\"consentId\":\"3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c\",\"correlationId\":\"corr-1\","
                + "\"coveredByConsent\":true,\"dataCategory\":\"TAX_INCOME\",\"decisionId\":\"D-1\","
                + "\"details\":\"taxable income 2025\",\"eventId\":\"5e0a7c1d-2b3c-4d5e-8f9a-0b1c2d3e4f5a\",\"format\":1,"
                + "\"legalBasis\":\"CONSENT\",\"purpose\":\"FAMILY_BENEFITS\",\"recordedAt\":\"2026-03-02T08:16:05.410123Z\","
                + "\"sequence\":3,\"subjectPersonId\":\"49403136515\"}");
        assertThat(ChainHash.contentHash(ENTRY)).isEqualTo(ChainHash.contentHash(ENTRY)).hasSize(64);
        assertThat(ChainHash.entryHash(ChainHash.GENESIS, "ab")).isNotEqualTo(ChainHash.entryHash("ab", ChainHash.GENESIS));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("subject", (UnaryOperator<EntryContent>) e -> with(e, "subject", "49008010156")),
                Arguments.of("sequence", (UnaryOperator<EntryContent>) e -> with(e, "sequence", 4L)),
                Arguments.of("category", (UnaryOperator<EntryContent>) e -> with(e, "dataCategory", "HOUSEHOLD")),
                Arguments.of("consent", (UnaryOperator<EntryContent>) e -> with(e, "consentId", null)),
                Arguments.of("covered", (UnaryOperator<EntryContent>) e -> with(e, "coveredByConsent", false)),
                Arguments.of("details", (UnaryOperator<EntryContent>) e -> with(e, "details", "taxable income 2024")),
                Arguments.of("a millisecond of the access time", (UnaryOperator<EntryContent>) e -> with(e, "accessedAt",
                        e.accessedAt().plusMillis(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changingAnyFieldChangesTheContentHash(String field, UnaryOperator<EntryContent> change) {
        assertThat(ChainHash.contentHash(change.apply(ENTRY))).isNotEqualTo(ChainHash.contentHash(ENTRY));
    }

    private static EntryContent with(EntryContent e, String field, Object value) {
        return new EntryContent(
                field.equals("subject") ? (String) value : e.subjectPersonId(),
                field.equals("sequence") ? (Long) value : e.sequence(),
                e.accessId(), e.eventId(), e.accessorService(),
                field.equals("dataCategory") ? (String) value : e.dataCategory(),
                e.purpose(), e.legalBasis(),
                field.equals("consentId") ? (UUID) value : e.consentId(),
                field.equals("coveredByConsent") ? (Boolean) value : e.coveredByConsent(),
                e.decisionId(),
                field.equals("details") ? (String) value : e.details(),
                e.correlationId(),
                field.equals("accessedAt") ? (Instant) value : e.accessedAt(),
                e.recordedAt());
    }
}
