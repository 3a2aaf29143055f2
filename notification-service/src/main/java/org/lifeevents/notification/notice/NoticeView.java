package org.lifeevents.notification.notice;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notice as the citizen's inbox shows it: the words in both languages (the portal shows the one chosen), where to
 * act, the law, how to disagree, whether it was read, and where its e-mail stands.
 *
 * @param email PENDING (being sent or retried), SENT, INBOX_ONLY (no verified address, or e-mail turned off), or
 *        NOT_SENT_HISTORY (older than the horizon: a backfill sends nothing)
 */
public record NoticeView(UUID noticeId, String kind, Instant occurredAt, boolean read, boolean requiredByLaw,
        Map<String, Words> texts, String actionUrl, String disagreeUrl, String legalReference, String email) {

    /** Title and body in one language. */
    public record Words(String title, String body) {
    }
}
