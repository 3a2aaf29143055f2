package org.lifeevents.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lifeevents.notification.notice.NotificationConfig;

/**
 * One attempt at the oldest due e-mail, in its own transaction: the row is locked (another instance skips it), the
 * citizen's preferences decide whether and where it goes, and the outcome is written before the lock is released. A
 * failure is kept with its attempt count and the time of the next attempt: never dropped.
 */
@ApplicationScoped
public class EmailDelivery {

    private static final Logger LOG = Logger.getLogger(EmailDelivery.class);

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String INBOX_ONLY = "INBOX_ONLY";

    @Inject
    EntityManager entityManager;

    @Inject
    MailSender sender;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** Returns false when nothing is due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean attemptNext() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                select d.notice_id, d.attempts, n.required_by_law, n.title_en, n.body_en, n.title_zh_tw, n.body_zh_tw,
                       n.action_path, n.disagree_path, n.legal_reference,
                       p.language, p.email, p.email_verified_at is not null, coalesce(p.email_enabled, true)
                  from email_delivery d
                  join notice n on n.notice_id = d.notice_id
                  left join notice_preference p on p.person_id = d.person_id
                 where d.status = 'PENDING' and d.next_attempt_at <= ?1
                 order by d.next_attempt_at, d.created_at
                 limit 1
                 for update of d skip locked
                """).setParameter(1, Timestamp.from(now)).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] r = due.get(0);
        UUID noticeId = (UUID) r[0];
        int attempts = ((Number) r[1]).intValue();
        boolean required = (Boolean) r[2];
        String language = r[10] == null ? "en" : (String) r[10];
        String email = (String) r[11];
        boolean verified = (Boolean) r[12];
        boolean enabled = (Boolean) r[13];
        if (email == null || !verified || (!enabled && !required)) {
            update(noticeId, INBOX_ONLY, attempts, now, null, null, null);
            return true;
        }
        boolean zh = "zh-TW".equals(language);
        String portal = config.portalUrl();
        String subject = (String) (zh ? r[5] : r[3]);
        String text = MailText.body(language, (String) (zh ? r[6] : r[4]), portal + r[7], (String) r[9],
                portal + r[8]);
        try {
            sender.send(email, subject, text);
            update(noticeId, SENT, attempts + 1, now, null, email, now);
        } catch (RuntimeException e) {
            int failures = attempts + 1;
            Instant next = now.plus(Backoff.after(failures, config.email().firstRetryAfter(),
                    config.email().longestRetryAfter()));
            LOG.infof("e-mail of notice %s failed (attempt %d), next attempt at %s: %s", noticeId, failures, next,
                    e.toString());
            update(noticeId, PENDING, failures, next, String.valueOf(e.getMessage()), null, null);
        }
        return true;
    }

    private void update(UUID noticeId, String status, int attempts, Instant nextAttempt, String error, String sentTo,
            Instant sentAt) {
        entityManager.createNativeQuery("""
                update email_delivery
                   set status = ?2, attempts = ?3, next_attempt_at = ?4, last_error = ?5, sent_to = ?6, sent_at = ?7
                 where notice_id = ?1
                """)
                .setParameter(1, noticeId).setParameter(2, status).setParameter(3, attempts)
                .setParameter(4, Timestamp.from(nextAttempt))
                .setParameter(5, error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .setParameter(6, sentTo)
                .setParameter(7, sentAt == null ? null : Timestamp.from(sentAt))
                .executeUpdate();
    }
}
