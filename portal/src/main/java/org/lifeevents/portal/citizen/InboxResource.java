package org.lifeevents.portal.citizen;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.notification.Notice;
import org.lifeevents.portal.services.notification.NotificationClient;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The citizen's inbox: every notice the state sent them, newest first, in the language they chose here. */
@Path("/me/notices")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    /** One notice in words for the page. */
    public record NoticeRow(UUID id, String title, String body, String date, boolean read, String actionUrl,
            String disagreeUrl, String legalReference, String email) {
    }

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance inbox(PageContext ctx, List<NoticeRow> notices, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    NotificationClient notifications;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance inbox() {
        return page(null);
    }

    @POST
    @Path("/{noticeId}/read")
    @RolesAllowed(Pages.CITIZEN)
    public Response read(@PathParam("noticeId") UUID noticeId) {
        try {
            notifications.read(noticeId);
            return Response.seeOther(URI.create("/me/notices")).build();
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status()).entity(page(error)).build();
        }
    }

    private TemplateInstance page(UserError failure) {
        Loaded<List<Notice>> mine = Loaded.from(notifications::notices, pages.texts());
        String lang = pages.lang();
        List<NoticeRow> rows = mine.failed() ? List.of() : mine.value().stream().map(n -> {
            Notice.Words words = n.in(lang);
            return new NoticeRow(n.noticeId(), words.title(), words.body(),
                    n.occurredAt() == null ? "" : pages.formats().dateTime(n.occurredAt()), n.read(), n.actionUrl(),
                    n.disagreeUrl(), n.legalReference(), pages.texts().label("inbox_email", n.email()));
        }).toList();
        return pages.render(Templates.inbox(pages.context("inbox"), rows, failure != null ? failure : mine.error()));
    }
}
