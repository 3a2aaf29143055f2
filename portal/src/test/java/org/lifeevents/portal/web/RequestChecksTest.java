package org.lifeevents.portal.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the language switch may send a person back to, and how a Referer names the page's origin. */
class RequestChecksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/me/consents?done=x   | /me/consents?done=x",
            "/                     | /",
            "//evil.example/x      | /",
            "/\\evil.example       | /",
            "http://evil.example/  | /",
            "javascript:alert(1)   | /",
            "-                     | /" })
    void theLanguageSwitchReturnsOnlyToPagesOfThisSite(String back, String expected) {
        assertThat(LanguageResource.localPath(back)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "http://127.0.0.1:8080/me/consents | http://127.0.0.1:8080",
            "https://portal.example/a?b=c      | https://portal.example",
            "not a url                         | -",
            "/relative                         | -",
            "-                                 | -" })
    void originOfAReferer(String referer, String origin) {
        assertThat(CsrfGuard.originOf(referer)).isEqualTo(origin);
    }
}
