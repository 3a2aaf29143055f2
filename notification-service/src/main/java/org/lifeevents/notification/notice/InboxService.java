package org.lifeevents.notification.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeevents.common.problem.ProblemException;

/** A citizen's notices: listed newest first, marked read. Only ever the signed-in citizen's own. */
@ApplicationScoped
@Transactional
public class InboxService {

    /** The languages every notice is written in, as the portal names them. */
    public static final String EN = "en";
    public static final String ZH_TW = "zh-TW";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NoticeView> inbox(String personId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select n.notice_id, n.kind, n.occurred_at, n.read_at is not null, n.required_by_law,
                       n.title_en, n.body_en, n.title_zh_tw, n.body_zh_tw, n.action_path, n.disagree_path,
                       n.legal_reference, coalesce(d.status, 'NOT_SENT_HISTORY')
                  from notice n left join email_delivery d on d.notice_id = n.notice_id
                 where n.person_id = ?1
                 order by n.occurred_at desc, n.created_at desc, n.notice_id
                 limit ?2
                """).setParameter(1, personId).setParameter(2, limit).getResultList();
        String portal = config.portalUrl();
        return rows.stream().map(r -> new NoticeView((UUID) r[0], (String) r[1], instant(r[2]),
                (Boolean) r[3], (Boolean) r[4],
                Map.of(EN, new NoticeView.Words((String) r[5], (String) r[6]),
                        ZH_TW, new NoticeView.Words((String) r[7], (String) r[8])),
                portal + r[9], portal + r[10], (String) r[11], (String) r[12])).toList();
    }

    /** Marks the citizen's notice read; a second call changes nothing. Another citizen's notice is not found. */
    public void markRead(String personId, UUID noticeId) {
        int found = entityManager.createNativeQuery("""
                update notice set read_at = coalesce(read_at, ?3) where notice_id = ?1 and person_id = ?2
                """).setParameter(1, noticeId).setParameter(2, personId)
                .setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
        if (found == 0) {
            throw ProblemException.notFound("notice_not_found", "You have no notice " + noticeId + ".");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
