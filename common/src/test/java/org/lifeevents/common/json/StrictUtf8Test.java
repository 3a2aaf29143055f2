package org.lifeevents.common.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JSON body passes the UTF-8 check only when every byte sequence is UTF-8's shortest form of a real character. */
class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = { "Tamm", "Tähe 4", "繁體中文", "😀 Ω", "" })
    void utf8PassesUnchanged(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (StrictUtf8.Checked checked = new StrictUtf8.Checked(new ByteArrayInputStream(bytes))) {
            assertThat(checked.readAllBytes()).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "c0af", "e080af", "f08080af", "eda080", "edbfbf", "f4908080", "f5808080", "ff", "80",
            "c328", "e282", "41c3" })
    void anythingElseIsRefused(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> new StrictUtf8.Checked(new ByteArrayInputStream(bytes)).readAllBytes())
                .isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> {
            StrictUtf8.Checked checked = new StrictUtf8.Checked(new ByteArrayInputStream(bytes));
            while (checked.read() >= 0) {
                // one byte at a time
            }
        }).isInstanceOf(JsonParseException.class);
    }
}
