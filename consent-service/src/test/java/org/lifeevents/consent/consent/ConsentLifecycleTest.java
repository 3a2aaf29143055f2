package org.lifeevents.consent.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.events.Topics;
import org.lifeevents.events.consent.ConsentChangedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time changes consents on its own: expiry and a late start are each published once, by the lifecycle job (every
 * second in tests), with the person's whole state.
 */
@QuarkusTest
class ConsentLifecycleTest {

    /** Three runs of the job (every second in tests). */
    private static final Duration LATER_RUNS = Duration.ofSeconds(3);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ConsentService consents;

    @Inject
    Clock clock;

    @Test
    void anExpiryIsPublishedOnceWithTheNewState() {
        String subject = person(1);
        Instant until = clock.instant().plus(2, ChronoUnit.SECONDS);
        String id = grant(subject, null, until);

        TopicReader topics = new TopicReader(bootstrap);
        ConsentChangedEvent expired = topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("EXPIRED"), 1).get(0);
        assertThat(expired.getPersonId()).isEqualTo(subject);
        assertThat(expired.getOccurredAt()).isAfterOrEqualTo(until.truncatedTo(ChronoUnit.MILLIS));
        assertThat(expired.getConsents()).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("EXPIRED"));

        awaitLaterRuns(topics, person(11));
        assertThat(changes(topics, id)).containsExactly("GRANTED", "EXPIRED");
    }

    @Test
    void aConsentThatStartsLaterIsScheduledThenPublishedOnceWhenItComesIntoForce() {
        String subject = person(2);
        String id = grant(subject, clock.instant().plus(2, ChronoUnit.SECONDS), null);

        TopicReader topics = new TopicReader(bootstrap);
        ConsentChangedEvent granted = topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("GRANTED"), 1).get(0);
        assertThat(granted.getConsents()).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("SCHEDULED"));
        ConsentChangedEvent inForce = topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("IN_FORCE"), 1).get(0);
        assertThat(inForce.getConsents()).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("ACTIVE"));

        awaitLaterRuns(topics, person(12));
        assertThat(changes(topics, id)).containsExactly("GRANTED", "IN_FORCE");
    }

    @Test
    void aConsentRevokedBeforeItsEndIsNotAnnouncedAsExpired() {
        String subject = person(3);
        Instant until = clock.instant().plus(1, ChronoUnit.SECONDS);
        String id = grant(subject, null, until);
        consents.revoke(subject, java.util.UUID.fromString(id), "test-lifecycle");

        TopicReader topics = new TopicReader(bootstrap);
        topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(id) && e.getChange().equals("REVOKED"), 1);
        awaitLaterRuns(topics, person(13));
        assertThat(clock.instant()).isAfter(until);
        assertThat(changes(topics, id)).containsExactly("GRANTED", "REVOKED");
    }

    /**
     * Waits until the lifecycle job has run several more times from now, instead of sleeping: a sentinel consent of
     * another person expires {@link #LATER_RUNS} after now, and the job announces it only on a run after that. An
     * announcement the job was going to repeat for the consent under test would have been published by then.
     */
    private void awaitLaterRuns(TopicReader topics, String sentinelPerson) {
        String sentinel = grant(sentinelPerson, null, clock.instant().plus(LATER_RUNS));
        topics.await(Topics.CONSENTS, ConsentChangedEvent.class,
                e -> e.getChangedConsentId().equals(sentinel) && e.getChange().equals("EXPIRED"), 1);
    }

    private static List<String> changes(TopicReader topics, String consentId) {
        return topics.read(Topics.CONSENTS, ConsentChangedEvent.class).stream()
                .filter(e -> e.getChangedConsentId().equals(consentId))
                .map(ConsentChangedEvent::getChange)
                .toList();
    }

    private String grant(String personId, Instant from, Instant until) {
        return consents.grant(personId, new ConsentRequest("FAMILY_BENEFITS", List.of("TAX_INCOME"), from, until),
                "test-lifecycle").consentId.toString();
    }

    /** A person of this test class only. */
    private static String person(int serial) {
        return PersonId.of("M", LocalDate.of(1979, 8, 21), 400 + serial).value();
    }
}
