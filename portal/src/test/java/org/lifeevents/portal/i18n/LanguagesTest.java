package org.lifeevents.portal.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language a request gets: the cookie first, then Accept-Language, then English. */
class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "zh-TW | en-GB,en          | zh-TW",
            "en    | zh-TW             | en",
            "xx    | zh-TW             | zh-TW",
            "-     | zh-TW,zh;q=0.9    | zh-TW",
            "-     | zh-Hant           | zh-TW",
            "-     | zh-HK             | zh-TW",
            "-     | zh-CN,zh;q=0.9    | en",
            "-     | de-DE,en;q=0.5    | en",
            "-     | de-DE             | en",
            "-     | -                 | en",
            "-     | ;;;not a header   | en" })
    void resolve(String cookie, String acceptLanguage, String expected) {
        assertThat(Languages.resolve(cookie, acceptLanguage)).isEqualTo(expected);
    }
}
