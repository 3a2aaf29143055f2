package org.lifeevents.notification.notice;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's inbox: every notice written for them, newest first, read and unread. */
@Path("/me/notices")
@Authenticated
@Tag(name = "Notices")
public class InboxResource {

    @Inject
    CurrentPerson me;

    @Inject
    InboxService inbox;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My notices, newest first: in English and Traditional Chinese, with where to act, the law, how to disagree, read or not, and the e-mail's state")
    public List<NoticeView> mine(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return inbox.inbox(me.personId(), limit);
    }

    @POST
    @Path("/{noticeId}/read")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Mark one of my notices read (again: no change)")
    public void read(@PathParam("noticeId") UUID noticeId) {
        inbox.markRead(me.personId(), noticeId);
    }
}
