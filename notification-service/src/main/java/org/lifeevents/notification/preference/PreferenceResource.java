package org.lifeevents.notification.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;
import org.lifeevents.notification.delivery.MailSender;

import io.quarkus.security.Authenticated;

/** The citizen's notice preferences: language, e-mail address (verified by a link), e-mail on or off. */
@Path("/me/notification-preferences")
@Authenticated
@Tag(name = "Notice preferences")
public class PreferenceResource {

    private static final Logger LOG = Logger.getLogger(PreferenceResource.class);

    @Inject
    CurrentPerson me;

    @Inject
    PreferenceService preferences;

    @Inject
    MailSender mail;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My notice preferences")
    public PreferenceView mine() {
        return preferences.of(me.personId());
    }

    @PUT
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Choose my language, e-mail address and whether to get e-mail; a new address gets a link to verify it")
    public PreferenceView choose(@Valid @NotNull PreferenceRequest request) {
        String personId = me.personId();
        preferences.update(personId, request).ifPresent(v -> {
            boolean zh = "zh-TW".equals(v.language());
            try {
                mail.send(v.email(), zh ? "請確認您的電子郵件地址" : "Please confirm your e-mail address",
                        zh ? "請開啟此連結，確認我們可以用這個地址寄送您的福利通知：\n" + v.link()
                                : "Open this link to confirm we may send your benefit notices to this address:\n"
                                        + v.link());
            } catch (RuntimeException e) {
                LOG.infof("verification e-mail not sent: %s", e.toString());
                throw ProblemException.unavailable("mail_unavailable",
                        "Your choices are saved, but the e-mail to verify your address could not be sent. Save again later to get it.");
            }
        });
        return preferences.of(personId);
    }
}
