package org.lifeevents.notification.notice;

import java.time.Instant;

/**
 * A notice written for one citizen from one event, in both languages, before it is stored.
 *
 * @param sourceEventId the event id; with a payment id for events that announce several payments
 * @param actionPath the portal page where the citizen acts, relative to the portal's address
 * @param disagreePath the portal page where the citizen says they disagree
 * @param legalReference the law the decision rests on; null when not known (a payment of an entitlement not seen)
 */
public record NoticeDraft(String personId, String sourceEventId, NoticeKind kind, Instant occurredAt, Text en,
        Text zhTw, String actionPath, String disagreePath, String legalReference) {

    /** A notice's words in one language. */
    public record Text(String title, String body) {
    }
}
