package org.lifeevents.portal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The language switch of every page, and pages in Traditional Chinese with nothing left in English. */
@QuarkusTest
class LanguageTest {

    /** Words of the portal's own English pages that must not remain when Traditional Chinese is chosen. */
    private static final String[] ENGLISH = { "My benefits", "Confirm", "Why?", "Payout account", "Sign out",
            "Birth grant", "Child allowance", "Facts used", "from the civil registry", "Skip to main content",
            "Add your payout account", "Language", "Payments", "What is missing" };

    @TestHTTPResource("/")
    URI portal;

    @Test
    void theSwitchRemembersTheChoiceInACookieAndReturnsToThePage() {
        Response switched = given().redirects().follow(false).header("Origin", origin())
                .formParam("lang", "zh-TW").formParam("back", "/?from=switch").post("/language");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/?from=switch");
        assertThat(switched.getCookie("portal_lang")).isEqualTo("zh-TW");
        assertThat(switched.header("Set-Cookie")).contains("Path=/", "SameSite=Lax", "HttpOnly");

        String chinese = given().cookie("portal_lang", "zh-TW").get("/").then().statusCode(200).extract().asString();
        assertThat(chinese).contains("<html lang=\"zh-TW\">", "<h1>免申請的給付</h1>", "跳到主要內容",
                "aria-current=\"true\" class=\"current\">繁體中文");
        String english = given().cookie("portal_lang", "en").get("/").then().statusCode(200).extract().asString();
        assertThat(english).contains("<html lang=\"en\">", "<h1>Benefits without applications</h1>");
    }

    @Test
    void withoutACookieTheBrowsersLanguageDecidesAndEnglishIsTheDefault() {
        assertThat(given().header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5").get("/").asString())
                .contains("<html lang=\"zh-TW\">");
        assertThat(given().header("Accept-Language", "de-DE,de;q=0.9").get("/").asString())
                .contains("<html lang=\"en\">");
        assertThat(given().get("/").asString()).contains("<html lang=\"en\">");
    }

    @Test
    void theSwitchIgnoresUnknownLanguagesAndNeverSendsAnywhereElse() {
        Response unknown = given().redirects().follow(false).header("Origin", origin()).formParam("lang", "xx")
                .formParam("back", "//evil.example/phish").post("/language");
        assertThat(unknown.statusCode()).isEqualTo(303);
        assertThat(unknown.header("Location")).isEqualTo(portal.resolve("/").toString());
        assertThat(unknown.getCookie("portal_lang")).isNull();
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        Response forged = given().redirects().follow(false).header("Origin", "http://evil.example")
                .formParam("lang", "zh-TW").formParam("back", "/").post("/language");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.getCookie("portal_lang")).isNull();
        assertThat(given().redirects().follow(false).formParam("lang", "zh-TW").post("/language").statusCode())
                .as("no Origin and no Referer").isEqualTo(403);
    }

    @Test
    void theDashboardInTraditionalChineseHasNoEnglishOfThePortalLeft() {
        PortalSession jaan = new PortalSession(portal);
        jaan.language("zh-TW");
        HttpResponse<String> page = jaan.signIn("jaan", "/me");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"zh-TW\">", "<h1>我的給付</h1>", "生育補助", "兒童津貼", "為什麼？",
                "來源：戶政登記（birth registration B-1），2026年3月2日", "母親", "每月 €80.00", "2026年3月至2042年3月",
                "新增入帳帳戶", "同意將我的所得用於家庭給付", "由我領取育嬰給付", "2025年應稅所得");
        for (String english : ENGLISH) {
            assertThat(html).as("English left on the Chinese page").doesNotContain(">" + english + "<")
                    .doesNotContain(english + "</");
        }
        // The decision's own text stays as the service recorded it, marked as English for screen readers.
        assertThat(html).contains("<p class=\"decision-text\" lang=\"en\">You may receive a birth grant");
    }

    @Test
    void anIbanTheServiceRefusesIsExplainedNextToTheFieldInTheChosenLanguage() {
        PortalSession eva = new PortalSession(portal);
        eva.signIn("eva", "/me/payout-account");
        HttpResponse<String> english = eva.post("/me/payout-account", Map.of("iban", ServiceStub.BAD_IBAN));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body())
                .contains("<p class=\"field-error\" id=\"iban-error\">This is not a valid IBAN: the check digits do not match.")
                .contains("aria-describedby=\"iban-hint iban-error\" aria-invalid=\"true\"")
                .contains("value=\"" + ServiceStub.BAD_IBAN + "\"");
        eva.language("zh-TW");
        HttpResponse<String> chinese = eva.post("/me/payout-account", Map.of("iban", ServiceStub.BAD_IBAN));
        assertThat(chinese.body()).contains("這不是有效的 IBAN：檢查碼不符");
        HttpResponse<String> saved = eva.post("/me/payout-account", Map.of("iban", "EE38 2200 2210 2014 5685"));
        assertThat(saved.uri().toString()).endsWith("/me/payout-account?done=account_saved");
    }

    private String origin() {
        return portal.getScheme() + "://" + portal.getRawAuthority();
    }
}
