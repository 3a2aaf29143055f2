package org.lifeevents.common.json;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the services' request bodies refuse: each case was once accepted and guessed at. */
class StrictJsonTest {

    enum Kind {
        BIRTH,
        DEATH
    }

    record Request(String name, int count, long amountCents, Kind kind, LocalDate date) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private Request read(String body) throws JsonProcessingException {
        return json.readValue(body, Request.class);
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        assertThat(read("""
                {"name": "Mia", "count": 2, "amountCents": 150, "kind": "BIRTH", "date": "2026-02-03"}
                """)).isEqualTo(new Request("Mia", 2, 150, Kind.BIRTH, LocalDate.of(2026, 2, 3)));
    }

    @Test
    void aDateIsAnIsoCalendarDateOfASaneYear() throws Exception {
        assertThat(read("{\"date\": \"1800-01-01\"}").date()).isEqualTo(LocalDate.of(1800, 1, 1));
        assertThat(read("{\"date\": \"9999-12-31\"}").date()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(read("{\"date\": null}").date()).isNull();
        for (String date : List.of("\"\"", "\" \"", "\"0000-01-01\"", "\"-0001-01-01\"", "\"+2026-01-01\"",
                "\"10000-01-01\"", "\"1799-12-31\"", "\"2026-02-30\"", "\"2026-2-3\"", "\"2026-02-03T00:00\"",
                "\" 2026-02-03\"", "[2026, 2, 3]", "20260203")) {
            assertThatThrownBy(() -> read("{\"date\": " + date + "}")).as(date)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void anEmptyStringIsNotAbsent() {
        assertThatThrownBy(() -> read("{\"count\": \"\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"kind\": \"\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("\"\"", Request.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void contentAfterTheBodyIsRefused() {
        assertThatThrownBy(() -> read("{\"name\": \"Mia\"} x")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\": \"Mia\"} {\"name\": \"Eva\"}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"name\": \"Mia\", \"name\": \"Eva\"}")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void aBooleanOrNumberWhereAStringBelongsIsRefused() {
        assertThatThrownBy(() -> read("{\"name\": true}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\": 12}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"name\": 1.5}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRefused() {
        assertThatThrownBy(() -> read("{\"count\": 2.5}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"amountCents\": 1.5}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"count\": 2.0}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aNumberForAnEnumIsRefused() {
        assertThatThrownBy(() -> read("{\"kind\": 0}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void textWithAControlCharacterOrHalfASurrogatePairIsRefused() {
        for (String escaped : List.of("Mi\\u0000a", "Mi\\u0007a", "Mi\\u001ba", "Mi\\u007fa", "Mi\\ud800a", "Mi\\udc00a")) {
            assertThatThrownBy(() -> read("{\"name\": \"" + escaped + "\"}")).as(escaped)
                    .isInstanceOf(ControlCharacterException.class);
        }
        assertThatThrownBy(() -> json.readValue("{\"names\": [\"Mia\", \"E\\u0000va\"]}", Names.class))
                .isInstanceOf(ControlCharacterException.class);
    }

    @Test
    void textWithLineBreaksTabsAndLettersOfAnyScriptIsRead() throws Exception {
        assertThat(read("{\"name\": \"Mia\\tMaria\\nLiis\\r\"}").name()).isEqualTo("Mia\tMaria\nLiis\r");
        assertThat(read("{\"name\": \"陳大文 \\ud83d\\ude00 Õie\"}").name()).isEqualTo("陳大文 \ud83d\ude00 Õie");
    }

    record Names(List<String> names) {
    }
}
