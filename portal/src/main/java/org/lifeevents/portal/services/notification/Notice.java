package org.lifeevents.portal.services.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A notice as the notification service answers it ({@code GET /me/notices}): its words in English and Traditional
 * Chinese ({@code texts} keyed {@code en}, {@code zh-TW}), where to act and to disagree, the law, read or not, and where
 * its e-mail stands.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notice(UUID noticeId, String kind, Instant occurredAt, boolean read, boolean requiredByLaw,
        Map<String, Words> texts, String actionUrl, String disagreeUrl, String legalReference, String email) {

    /** Title and body in one language. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Words(String title, String body) {
    }

    /** The words in the language asked for, else in English. */
    public Words in(String lang) {
        Words words = texts == null ? null : texts.get(lang);
        return words != null ? words : texts == null ? new Words("", "") : texts.getOrDefault("en", new Words("", ""));
    }
}
