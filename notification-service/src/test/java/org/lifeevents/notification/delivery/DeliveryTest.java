package org.lifeevents.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.notification.Citizens;
import org.lifeevents.notification.MailServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.notification.Families.LIIS;
import static org.lifeevents.notification.Families.MART;
import static org.lifeevents.notification.Families.decided;

/**
 * E-mail over a real SMTP server: a send that fails is kept, shown as pending and tried again until the server takes
 * it; a backfilled history older than the horizon is not mailed.
 */
@QuarkusTest
class DeliveryTest {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aSendThatFailsIsShownPendingAndRetriedUntilDelivered() {
        String liis = Citizens.token(realmUrl, "liis");
        String address = Citizens.address("liis");
        Citizens.verifiedEmail(liis, address, "en");
        EntitlementDecidedEvent grant = decided(LIIS, "CHILD_ALLOWANCE", "GRANTED", 8_000,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        MailServer.down();
        try {
            new TopicReader(bootstrap).publish(Topics.ENTITLEMENTS, LIIS, grant);
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(grant.getEventId()) >= 2);
            assertThat(status(grant.getEventId())).isEqualTo("PENDING");
            assertThat(given().auth().oauth2(liis).get("/me/notices").then().statusCode(200).extract().jsonPath()
                    .getString("[0].email")).isEqualTo("PENDING");
        } finally {
            MailServer.startAgain();
        }
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.to(address),
                received -> !received.isEmpty());
        assertThat(mails).hasSize(1);
        assertThat(MailServer.subject(mails.get(0))).isEqualTo("Your child allowance is granted");
        assertThat(MailServer.text(mails.get(0))).contains("80.00 EUR a month", "Legal basis: ", "If you disagree");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(grant.getEventId())));
        assertThat(given().auth().oauth2(liis).get("/me/notices").then().extract().jsonPath().getString("[0].email"))
                .isEqualTo("SENT");
    }

    @Test
    void aBackfilledHistoryOlderThanTheHorizonGetsNoticesButNoEmail() {
        String mart = Citizens.token(realmUrl, "mart");
        String address = Citizens.address("mart");
        Citizens.verifiedEmail(mart, address, "en");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EntitlementDecidedEvent longAgo = decided(MART, "BIRTH_GRANT", "GRANTED", 32_000, now.minus(Duration.ofDays(400)));
        EntitlementDecidedEvent today = decided(MART, "CHILD_ALLOWANCE", "GRANTED", 8_000, now);
        TopicReader topics = new TopicReader(bootstrap);
        topics.publish(Topics.ENTITLEMENTS, MART, longAgo);
        topics.publish(Topics.ENTITLEMENTS, MART, today);
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(60)).until(() -> MailServer.to(address),
                received -> received.size() >= 2);
        // the verification, then today's notice only
        assertThat(mails).hasSize(2);
        assertThat(MailServer.subject(mails.get(1))).isEqualTo("Your child allowance is granted");
        List<String> emails = given().auth().oauth2(mart).get("/me/notices").then().statusCode(200).extract()
                .jsonPath().getList("email");
        assertThat(emails).containsExactly("SENT", "NOT_SENT_HISTORY");
    }

    private int attempts(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select coalesce(max(d.attempts), 0) from email_delivery d join notice n on n.notice_id = d.notice_id
                 where n.source_event_id = ?1
                """).setParameter(1, eventId).getSingleResult()).intValue());
    }

    private String status(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select d.status from email_delivery d join notice n on n.notice_id = d.notice_id
                 where n.source_event_id = ?1
                """).setParameter(1, eventId).getSingleResult());
    }
}
