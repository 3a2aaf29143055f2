package org.lifeevents.notification.notice;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes a poll's notices in one statement, with their e-mails to send. A notice already written for the same citizen
 * and event (a redelivery, a replay after a crash) is skipped by the unique key, and so is its e-mail; an event older
 * than the horizon gets its notice but no e-mail.
 */
@ApplicationScoped
public class NoticeStore {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** Returns how many notices are new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int store(List<NoticeDraft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        Map<String, NoticeDraft> once = new LinkedHashMap<>();
        for (NoticeDraft draft : drafts) {
            once.putIfAbsent(draft.personId() + "|" + draft.sourceEventId(), draft);
        }
        List<NoticeDraft> rows = List.copyOf(once.values());
        Instant now = clock.instant();
        Instant horizon = now.minus(config.horizon());
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    with input as (
                        select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[],
                                             ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as i(notice_id, person_id, source_event_id, kind, required_by_law, occurred_at,
                                 title_en, body_en, title_zh_tw, body_zh_tw, action_path, disagree_path, legal_reference)
                    ), written as (
                        insert into notice (notice_id, person_id, source_event_id, kind, required_by_law, occurred_at,
                                            created_at, title_en, body_en, title_zh_tw, body_zh_tw, action_path,
                                            disagree_path, legal_reference)
                        select notice_id, person_id, source_event_id, kind, required_by_law, occurred_at, ?,
                               title_en, body_en, title_zh_tw, body_zh_tw, action_path, disagree_path, legal_reference
                          from input
                        on conflict (person_id, source_event_id) do nothing
                        returning notice_id, person_id, occurred_at
                    ), mailed as (
                        insert into email_delivery (notice_id, person_id, status, next_attempt_at, created_at)
                        select notice_id, person_id, 'PENDING', ?, ? from written where occurred_at >= ?
                    )
                    select count(*) from written
                    """)) {
                int i = 1;
                insert.setArray(i++, connection.createArrayOf("uuid",
                        rows.stream().map(r -> UUID.randomUUID()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(NoticeDraft::personId).toArray()));
                insert.setArray(i++,
                        connection.createArrayOf("text", rows.stream().map(NoticeDraft::sourceEventId).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(r -> r.kind().name()).toArray()));
                insert.setArray(i++,
                        connection.createArrayOf("boolean", rows.stream().map(r -> r.kind().requiredByLaw()).toArray()));
                insert.setArray(i++, connection.createArrayOf("timestamptz",
                        rows.stream().map(r -> Timestamp.from(r.occurredAt())).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(r -> r.en().title()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(r -> r.en().body()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(r -> r.zhTw().title()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(r -> r.zhTw().body()).toArray()));
                insert.setArray(i++, connection.createArrayOf("text", rows.stream().map(NoticeDraft::actionPath).toArray()));
                insert.setArray(i++,
                        connection.createArrayOf("text", rows.stream().map(NoticeDraft::disagreePath).toArray()));
                insert.setArray(i++,
                        connection.createArrayOf("text", rows.stream().map(NoticeDraft::legalReference).toArray()));
                insert.setTimestamp(i++, Timestamp.from(now));
                insert.setTimestamp(i++, Timestamp.from(now));
                insert.setTimestamp(i++, Timestamp.from(now));
                insert.setTimestamp(i, Timestamp.from(horizon));
                try (var result = insert.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
    }
}
