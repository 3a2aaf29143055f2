package org.lifeevents.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.lifeevents.notification.notice.NotificationConfig;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/** Sends one e-mail over SMTP and waits for the server's answer, at most the configured time. */
@ApplicationScoped
public class MailSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotificationConfig config;

    /** Throws when the server refuses, fails or does not answer in time. */
    public void send(String to, String subject, String text) {
        mailer.send(Mail.withText(to, subject, text).setFrom(config.email().from()))
                .await().atMost(config.email().sendTimeout());
    }
}
