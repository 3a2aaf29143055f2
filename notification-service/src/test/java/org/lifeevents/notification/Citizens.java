package org.lifeevents.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.lifeevents.localservers.KeycloakTokens;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Demo citizens signing in with real tokens and giving an e-mail address they verify by its link, as a family would. */
public final class Citizens {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private Citizens() {
    }

    public static String token(String realmUrl, String username) {
        return new KeycloakTokens(realmUrl).person(username);
    }

    /** A fresh address for the citizen (fresh per run, so a kept database never has it verified already). */
    public static String address(String username) {
        return username + "+" + UUID.randomUUID().toString().substring(0, 8) + "@families.test";
    }

    /** Chooses the language and the address, follows the link the verification e-mail brings. */
    public static void verifiedEmail(String token, String address, String language) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("language", language, "email", address, "emailEnabled", true))
                .put("/me/notification-preferences")
                .then().statusCode(200).body("emailVerified", equalTo(false)).body("email", equalTo(address));
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.to(address),
                received -> !received.isEmpty());
        Matcher link = TOKEN.matcher(MailServer.text(mails.get(0)));
        if (!link.find()) {
            throw new AssertionError("no verification link in " + MailServer.text(mails.get(0)));
        }
        given().queryParam("token", link.group(1)).get("/notification-preferences/verification")
                .then().statusCode(200).body("emailVerified", equalTo(true));
        given().queryParam("token", link.group(1)).get("/notification-preferences/verification")
                .then().statusCode(404).body("code", equalTo("verification_link_unknown"));
    }
}
