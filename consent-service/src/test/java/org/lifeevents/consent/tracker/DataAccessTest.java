package org.lifeevents.consent.tracker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.consent.consent.Consent;
import org.lifeevents.consent.consent.ConsentRequest;
import org.lifeevents.consent.consent.ConsentService;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.DataAccessedEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.lifeevents.consent.DemoPeople.LIIS;
import static org.lifeevents.consent.DemoPeople.MART;

/**
 * The data tracker: reported accesses arrive on the real topic (this test plays the eligibility service), are
 * recorded once, chained per person, listed to their person only, and any alteration is found by the auditor's
 * verification.
 */
@QuarkusTest
class DataAccessTest {

    @Inject
    Clock clock;

    private static final String DEAD_LETTER = Topics.deadLetter(Topics.DATA_ACCESS, "consent-service");

    @ConfigProperty(name = KeycloakTestResource.REALM_URL)
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Inject
    ConsentService consents;

    @Test
    void theCitizenSeesOnlyTheirOwnEntriesNewestFirstPaged() {
        Instant t = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        DataAccessedEvent middle = DataAccessEvents.access(MART, t.plusSeconds(60)).build();
        DataAccessedEvent oldest = DataAccessEvents.access(MART, t).setDataCategory("HOUSEHOLD").build();
        DataAccessedEvent newest = DataAccessEvents.access(MART, t.plusSeconds(120)).build();
        DataAccessedEvent liiss = DataAccessEvents.access(LIIS, t.plusSeconds(180)).build();
        publish(middle, oldest, newest, liiss);
        awaitRecorded(middle, oldest, newest, liiss);

        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String mart = tokens.person("mart");
        given().auth().oauth2(mart).queryParam("page", 0).queryParam("size", 2).get("/me/data-access")
                .then().statusCode(200)
                .body("items.accessId", equalTo(List.of(newest.getAccessId(), middle.getAccessId())))
                .body("items[0].accessorService", equalTo("eligibility-service"))
                .body("items[0].purpose", equalTo("FAMILY_BENEFITS"))
                .body("items[0].legalBasis", equalTo("STATUTORY_TASK"))
                .body("items[0].decisionId", equalTo("PARENTAL_BENEFIT-" + MART))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        given().auth().oauth2(mart).queryParam("page", 1).queryParam("size", 2).get("/me/data-access")
                .then().statusCode(200)
                .body("items.accessId", equalTo(List.of(oldest.getAccessId())))
                .body("items[0].dataCategory", equalTo("HOUSEHOLD"));
        given().auth().oauth2(mart).get("/me/data-access")
                .then().statusCode(200).body("items.accessId", not(hasItem(liiss.getAccessId())));
        given().auth().oauth2(tokens.person("liis")).get("/me/data-access")
                .then().statusCode(200)
                .body("items.accessId", hasItem(liiss.getAccessId()))
                .body("items.accessId", not(hasItem(newest.getAccessId())));

        // Chained in the order they arrived, each linked to the one before.
        List<DataAccessEntry> chain = entries(MART);
        assertThat(chain).extracting(e -> e.sequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).previousHash).isEqualTo(ChainHash.GENESIS);
        assertThat(chain.get(1).previousHash).isEqualTo(chain.get(0).entryHash);
        assertThat(chain.get(2).previousHash).isEqualTo(chain.get(1).entryHash);
    }

    @Test
    void aUseIsMarkedByWhetherTheConsentItNamesAllowedIt() {
        String subject = person(1);
        Consent consent = consents.grant(subject, new ConsentRequest("FAMILY_BENEFITS", List.of("TAX_INCOME"), null, null),
                "test-tracker");
        Instant grantedAt = consent.grantedAt;
        DataAccessedEvent covered = underConsent(subject, consent.consentId, grantedAt.plusMillis(10), "TAX_INCOME");
        DataAccessedEvent otherCategory = underConsent(subject, consent.consentId, grantedAt.plusMillis(20), "HOUSEHOLD");
        DataAccessedEvent beforeGrant = underConsent(subject, consent.consentId, grantedAt.minusSeconds(60), "TAX_INCOME");
        DataAccessedEvent someoneElses = underConsent(person(2), consent.consentId, grantedAt.plusMillis(10), "TAX_INCOME");
        publish(covered, otherCategory, beforeGrant, someoneElses);
        awaitRecorded(covered, otherCategory, beforeGrant, someoneElses);

        assertThat(entry(covered).coveredByConsent).isTrue();
        assertThat(entry(otherCategory).coveredByConsent).isFalse();
        assertThat(entry(beforeGrant).coveredByConsent).isFalse();
        assertThat(entry(someoneElses).coveredByConsent).isFalse();
    }

    @Test
    void aRedeliveredAccessIsRecordedOnce() {
        String subject = person(3);
        DataAccessedEvent access = DataAccessEvents.access(subject, clock.instant().truncatedTo(ChronoUnit.MILLIS)).build();
        DataAccessedEvent sameAccessNewEvent = DataAccessedEvent.newBuilder(access).setEventId(UUID.randomUUID().toString())
                .build();
        DataAccessedEvent marker = DataAccessEvents.access(subject, access.getAccessedAt().plusSeconds(1)).build();
        publish(access, access, sameAccessNewEvent, marker);
        awaitRecorded(marker);

        assertThat(entries(subject)).extracting(e -> e.accessId.toString())
                .containsExactly(access.getAccessId(), marker.getAccessId());
    }

    @Test
    void refusedEventsGoToTheDeadLetterTopicWithTheReasonAndRecordNothing() {
        String subject = person(4);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DataAccessedEvent invalidSubject = DataAccessEvents.access("49403136516", now).build();
        DataAccessedEvent unknownCategory = DataAccessEvents.access(subject, now).setDataCategory("HEALTH").build();
        DataAccessedEvent consentMissing = DataAccessEvents.access(subject, now).setLegalBasis("CONSENT").build();
        byte[] garbage = "not an event".getBytes(StandardCharsets.UTF_8);
        publish(invalidSubject, unknownCategory, consentMissing);
        new TopicReader(bootstrap).publishRaw(Topics.DATA_ACCESS, subject, garbage);

        assertThat(deadLetterReason(EventCodec.encode(invalidSubject))).contains("subjectPersonId");
        assertThat(deadLetterReason(EventCodec.encode(unknownCategory))).contains("dataCategory");
        assertThat(deadLetterReason(EventCodec.encode(consentMissing))).contains("consentId is required");
        assertThat(deadLetterReason(garbage)).isNotBlank();
        assertThat(entries(subject)).isEmpty();
        assertThat(count("select count(*) from data_access_entry where subject_person_id = '49403136516'")).isZero();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        String subject = person(5);
        DataAccessedEvent access = DataAccessEvents.access(subject, clock.instant().truncatedTo(ChronoUnit.MILLIS)).build();
        publish(access);
        awaitRecorded(access);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update data_access_entry set details = 'nothing' where subject_person_id = ?1")
                .setParameter(1, subject).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from data_access_entry where subject_person_id = ?1")
                .setParameter(1, subject).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(entries(subject)).hasSize(1);
    }

    @Test
    void theAuditorFindsAnAlteredEntry() {
        String subject = person(6);
        List<DataAccessedEvent> accesses = threeAccesses(subject);
        String aino = new KeycloakTokens(realmUrl).person("aino");
        given().auth().oauth2(aino).queryParam("subject", subject).get("/audit/data-access/verification")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("chainsChecked", equalTo(1))
                .body("entriesChecked", equalTo(3));

        // Tampering takes deliberate effort: the append-only trigger must be bypassed first.
        String altered = accesses.get(1).getAccessId();
        tamper("update data_access_entry set details = 'nothing was read' where access_id = cast(?1 as uuid)", altered);

        long alteredEntryId = entry(accesses.get(1)).entryId;
        given().auth().oauth2(aino).queryParam("subject", subject).get("/audit/data-access/verification")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken.entryId", equalTo((int) alteredEntryId))
                .body("firstBroken.accessId", equalTo(altered))
                .body("firstBroken.sequence", equalTo(2))
                .body("firstBroken.problem", equalTo("CONTENT_ALTERED"));
        given().auth().oauth2(aino).get("/audit/data-access/verification")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("subjectPersonId", equalTo(null));
    }

    @Test
    void theAuditorFindsARemovedEntryAndARemovedLastEntry() {
        String aino = new KeycloakTokens(realmUrl).person("aino");
        String middleRemoved = person(7);
        List<DataAccessedEvent> accesses = threeAccesses(middleRemoved);
        tamper("delete from data_access_entry where access_id = cast(?1 as uuid)", accesses.get(1).getAccessId());
        given().auth().oauth2(aino).queryParam("subject", middleRemoved).get("/audit/data-access/verification")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken.accessId", equalTo(accesses.get(2).getAccessId()))
                .body("firstBroken.problem", equalTo("SEQUENCE_GAP"));

        String lastRemoved = person(8);
        accesses = threeAccesses(lastRemoved);
        tamper("delete from data_access_entry where access_id = cast(?1 as uuid)", accesses.get(2).getAccessId());
        given().auth().oauth2(aino).queryParam("subject", lastRemoved).get("/audit/data-access/verification")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken.accessId", equalTo(accesses.get(1).getAccessId()))
                .body("firstBroken.problem", equalTo("HEAD_MISMATCH"));
    }

    @Test
    void onlyTheCitizenReadsTheirLogAndOnlyAuditorsVerify() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        given().get("/me/data-access").then().statusCode(401).contentType("application/problem+json");
        given().get("/audit/data-access/verification").then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2(tokens.person("mart")).get("/me/data-access").then().statusCode(200);
        given().auth().oauth2(tokens.person("aino")).get("/audit/data-access/verification").then().statusCode(200);
        for (String token : List.of(tokens.person("carl"), tokens.person("aino"), tokens.eligibilityService(),
                tokens.registry())) {
            given().auth().oauth2(token).get("/me/data-access").then().statusCode(403).body("code", equalTo("forbidden"));
        }
        for (String token : List.of(tokens.person("mart"), tokens.person("carl"), tokens.eligibilityService(),
                tokens.registry())) {
            given().auth().oauth2(token).get("/audit/data-access/verification").then().statusCode(403);
        }
    }

    @Test
    void badPagingAndSubjectsAreRefusedWithProblemDetails() {
        KeycloakTokens tokens = new KeycloakTokens(realmUrl);
        String mart = tokens.person("mart");
        given().auth().oauth2(mart).queryParam("page", -1).queryParam("size", 0).get("/me/data-access")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("page", "size")));
        given().auth().oauth2(mart).queryParam("size", 101).get("/me/data-access")
                .then().statusCode(400).body("errors.field", equalTo(List.of("size")));
        given().auth().oauth2(tokens.person("aino")).queryParam("subject", "123").get("/audit/data-access/verification")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.code", equalTo(List.of("invalid_person_id")));
    }

    private List<DataAccessedEvent> threeAccesses(String subject) {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<DataAccessedEvent> accesses = List.of(DataAccessEvents.access(subject, t).build(),
                DataAccessEvents.access(subject, t.plusSeconds(1)).build(),
                DataAccessEvents.access(subject, t.plusSeconds(2)).build());
        // One at a time, so the chain's order is the list's order.
        for (DataAccessedEvent access : accesses) {
            publish(access);
            awaitRecorded(access);
        }
        return accesses;
    }

    private void tamper(String sql, String accessId) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("set local session_replication_role = replica").executeUpdate();
            entityManager.createNativeQuery(sql).setParameter(1, accessId).executeUpdate();
        });
    }

    private DataAccessedEvent underConsent(String subject, UUID consentId, Instant at, String category) {
        return DataAccessEvents.access(subject, at).setLegalBasis("CONSENT").setConsentId(consentId.toString())
                .setDataCategory(category).build();
    }

    private void publish(DataAccessedEvent... events) {
        TopicReader topics = new TopicReader(bootstrap);
        for (DataAccessedEvent event : events) {
            topics.publish(Topics.DATA_ACCESS, event.getSubjectPersonId(), event);
        }
    }

    private void awaitRecorded(DataAccessedEvent... events) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Arrays.stream(events)
                .allMatch(e -> count("select count(*) from data_access_entry where access_id = cast('" + e.getAccessId()
                        + "' as uuid)") == 1));
    }

    private String deadLetterReason(byte[] payload) {
        TopicReader topics = new TopicReader(bootstrap);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : topics.readRaw(DEAD_LETTER)) {
                if (Arrays.equals(record.value(), payload)) {
                    Header reason = record.headers().lastHeader("dead-letter-reason");
                    return reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8);
                }
            }
            return null;
        }, r -> r != null);
    }

    private List<DataAccessEntry> entries(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> DataAccessEntry.<DataAccessEntry> list(
                "subjectPersonId = ?1 order by sequence", subject));
    }

    private DataAccessEntry entry(DataAccessedEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> DataAccessEntry.<DataAccessEntry> find("accessId",
                UUID.fromString(event.getAccessId())).firstResult());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** A person of this test class only. */
    private static String person(int serial) {
        return PersonId.of("F", LocalDate.of(1991, 11, 9), 500 + serial).value();
    }
}
