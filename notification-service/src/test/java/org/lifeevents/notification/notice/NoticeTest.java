package org.lifeevents.notification.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.CaseOpenedEvent;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementDecidedEvent;
import org.lifeevents.events.payment.PaymentFailedEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.notification.Citizens;
import org.lifeevents.notification.MailServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lifeevents.notification.Families.EVA;
import static org.lifeevents.notification.Families.KATI;
import static org.lifeevents.notification.Families.LEGAL;
import static org.lifeevents.notification.Families.caseOpened;
import static org.lifeevents.notification.Families.caseResolved;
import static org.lifeevents.notification.Families.changed;
import static org.lifeevents.notification.Families.claim;
import static org.lifeevents.notification.Families.decided;
import static org.lifeevents.notification.Families.returned;
import static org.lifeevents.notification.Families.sent;

/**
 * What a family hears, from the real topics to the inbox and the mailbox: one notice per citizen and event however
 * often Kafka delivers it, in plain words in both languages, with where to act, the law and how to disagree.
 */
@QuarkusTest
class NoticeTest {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "lifeevents.notification.portal-url")
    String portal;

    @Test
    void aBirthTellsTheMotherOnceEachInHerLanguageInTheInboxAndByEmail() {
        String kati = Citizens.token(realmUrl, "kati");
        String address = Citizens.address("kati");
        Citizens.verifiedEmail(kati, address, "zh-TW");
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EntitlementDecidedEvent grant = decided(KATI, "BIRTH_GRANT", "OFFERED", 32_000, t);
        EntitlementDecidedEvent allowance = decided(KATI, "CHILD_ALLOWANCE", "GRANTED", 8_000, t.plusSeconds(1));
        PaymentsSentEvent paid = sent(allowance, 8_000, "E2E-KATI-1", t.plusSeconds(2));
        PaymentFailedEvent bounced = returned(allowance, 8_000, t.plusSeconds(3));
        TopicReader topics = new TopicReader(bootstrap);
        // each record delivered twice, and a last one behind the redeliveries: once it is in, all before it were
        // handled (one key per topic keeps them in one partition, in order)
        publish(topics, Topics.ENTITLEMENTS, KATI, grant, grant, allowance, allowance);
        publish(topics, Topics.PAYMENTS, KATI, paid, paid, bounced);
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(KATI, bounced) == 1 && notices(KATI, allowance) == 1);

        assertThat(notices(KATI, grant)).isEqualTo(1);
        assertThat(notices(KATI, allowance)).isEqualTo(1);
        assertThat(noticesStartingWith(KATI, paid.getEventId())).isEqualTo(1);
        assertThat(notices(KATI, bounced)).isEqualTo(1);

        JsonPath inbox = given().auth().oauth2(kati).get("/me/notices").then().statusCode(200).extract().jsonPath();
        List<String> kinds = inbox.getList("kind");
        assertThat(kinds).startsWith("PAYMENT_RETURNED", "PAYMENT_SENT", "GRANTED", "OFFER_TO_CONFIRM");
        assertThat(inbox.getBoolean("[3].read")).isFalse();
        assertThat(inbox.getString("[3].texts.en.title")).isEqualTo("Please confirm your birth grant");
        assertThat(inbox.getString("[3].texts.en.body")).contains("320.00 EUR");
        assertThat(inbox.getString("[3].texts.'zh-TW'.title")).isEqualTo("請確認您的生育補助");
        assertThat(inbox.getString("[3].actionUrl")).isEqualTo(portal + "/me/offers/" + grant.getEntitlementId());
        assertThat(inbox.getString("[3].disagreeUrl"))
                .isEqualTo(portal + "/me/offers/" + grant.getEntitlementId() + "/disagree");
        assertThat(inbox.getString("[3].legalReference")).isEqualTo(LEGAL);
        assertThat(inbox.getString("[1].texts.en.body")).contains("80.00 EUR", "E2E-KATI-1", "child allowance");
        assertThat(inbox.getString("[1].legalReference")).isEqualTo(LEGAL);
        assertThat(inbox.getString("[0].texts.en.body")).contains("AC04", "account closed");
        assertThat(inbox.getString("[0].actionUrl")).isEqualTo(portal + "/me/payout-account");

        // her e-mails: one per notice, in Traditional Chinese, with the link, the law and where to disagree
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.to(address),
                received -> received.size() == 5);
        List<String> subjects = mails.stream().map(MailServer::subject).toList();
        assertThat(subjects).contains("請確認您的生育補助", "您的兒童津貼已核准", "我們已付給您 80.00 EUR",
                "銀行退回了一筆 80.00 EUR 的款項");
        String offerMail = mails.stream().filter(m -> MailServer.subject(m).equals("請確認您的生育補助"))
                .map(MailServer::text).findFirst().orElseThrow();
        assertThat(offerMail).contains("320.00 EUR", portal + "/me/offers/" + grant.getEntitlementId(),
                "法律依據：" + LEGAL, "/disagree");
        assertThat(inbox.getString("[3].email")).isIn("PENDING", "SENT");
    }

    @Test
    void aConsentGivenLateALateDeathAndACaseworkersDecisionAreEachTold() {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusSeconds(100);
        EntitlementDecidedEvent waiting = decided(EVA, "PARENTAL_BENEFIT", "PENDING", 150_000, t);
        EntitlementChangedEvent consented = changed(waiting, EVA, "GRANTED", "DATA_ARRIVED", t.plusSeconds(1));
        // the allowance was paid to the father, who died; the death was registered late
        String father = "38001010008";
        EntitlementDecidedEvent fathers = decided(father, "CHILD_ALLOWANCE", "GRANTED", 8_000, t.plusSeconds(2));
        EntitlementChangedEvent handedOver = changed(fathers, EVA, "GRANTED", "RECIPIENT_DIED", t.plusSeconds(3));
        var recovery = claim(fathers, father, 8_000, t.plusSeconds(4));
        CaseOpenedEvent opened = caseOpened(EVA, t.plusSeconds(5));
        var resolved = caseResolved(opened, t.plusSeconds(6));
        TopicReader topics = new TopicReader(bootstrap);
        publish(topics, Topics.ENTITLEMENTS, EVA, waiting, consented, fathers, handedOver, recovery);
        publish(topics, Topics.CASES, EVA, opened, resolved);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> notices(father, recovery) == 1 && notices(EVA, resolved) == 1);

        String eva = Citizens.token(realmUrl, "eva");
        JsonPath inbox = given().auth().oauth2(eva).get("/me/notices").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getList("kind")).startsWith("CASE_DECIDED", "HANDED_OVER", "GRANTED", "DATA_MISSING");
        assertThat(inbox.getString("[0].texts.en.body")).contains("the income was mistyped");
        assertThat(inbox.getString("[1].texts.en.body")).contains("death of the person it was paid to",
                "80.00 EUR a month");
        assertThat(inbox.getString("[1].texts.'zh-TW'.title")).isEqualTo("兒童津貼改為支付給您");
        assertThat(inbox.getString("[2].texts.'zh-TW'.title")).isEqualTo("您的育嬰給付已核准");
        assertThat(inbox.getString("[3].texts.en.body")).contains("a consent is missing");
        // no verified address: the inbox has them, no e-mail goes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(eva)
                .get("/me/notices").then().extract().jsonPath().getList("email")).containsOnly("INBOX_ONLY"));
        assertThat(notices(father, handedOver)).isZero();
    }

    private void publish(TopicReader topics, String topic, String key, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            topics.publish(topic, key, event);
        }
    }

    private long notices(String personId, SpecificRecord event) {
        return count("select count(*) from notice where person_id = '" + personId + "' and source_event_id = '"
                + Events.eventId(event) + "'");
    }

    private long noticesStartingWith(String personId, String eventId) {
        return count("select count(*) from notice where person_id = '" + personId + "' and source_event_id like '"
                + eventId + "/%'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
