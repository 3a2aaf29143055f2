package org.lifeevents.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.notification.notice.NotificationConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Sends due e-mails, at most {@code lifeevents.notification.email.max-per-second} each second: a burst of notices
 * (a backfill) waits in {@code email_delivery} and drains at that rate, while the consumers go on writing notices.
 */
@ApplicationScoped
public class EmailDeliveryJob {

    @Inject
    EmailDelivery delivery;

    @Inject
    NotificationConfig config;

    @Scheduled(identity = "email-delivery", every = "1s", delayed = "${lifeevents.notification.email.start-after:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        for (int sent = 0; sent < config.email().maxPerSecond(); sent++) {
            if (!delivery.attemptNext()) {
                return;
            }
        }
    }
}
