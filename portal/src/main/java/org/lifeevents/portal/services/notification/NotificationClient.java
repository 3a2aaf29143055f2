package org.lifeevents.portal.services.notification;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.lifeevents.portal.services.AccessTokenForwarder;
import org.lifeevents.portal.services.ServiceException;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** Every call the portal makes to the notification service, with the signed-in person's token. */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(AccessTokenForwarder.class)
public interface NotificationClient {

    String NAME = "notification-service";

    /** The signed-in citizen's notices, newest first. */
    @GET
    @Path("/me/notices")
    List<Notice> notices();

    /** 404 {@code notice_not_found} for a notice that is not the citizen's. */
    @POST
    @Path("/me/notices/{noticeId}/read")
    void read(@PathParam("noticeId") UUID noticeId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceException.from(NAME, response);
    }
}
