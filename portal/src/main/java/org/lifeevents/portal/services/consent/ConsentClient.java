package org.lifeevents.portal.services.consent;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.lifeevents.portal.services.AccessTokenForwarder;
import org.lifeevents.portal.services.ServiceException;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** Every call the portal makes to the consent service, with the signed-in person's token. */
@RegisterRestClient(configKey = "consent-service")
@RegisterClientHeaders(AccessTokenForwarder.class)
public interface ConsentClient {

    String NAME = "consent-service";
    /** The media type of a compact JWS, as the consent service serves signed receipts. */
    String JOSE = "application/jose";

    @GET
    @Path("/me/consents")
    List<Consent> consents();

    @POST
    @Path("/me/consents")
    Consent grant(Consent.Request request);

    @POST
    @Path("/me/consents/{consentId}/revoke")
    Consent revoke(@PathParam("consentId") UUID consentId);

    @GET
    @Path("/me/consents/{consentId}/receipt")
    @Produces(JOSE)
    String signedReceipt(@PathParam("consentId") UUID consentId, @QueryParam("kind") String kind);

    @GET
    @Path("/me/data-access")
    DataAccess.Page dataAccess(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/audit/data-access/verification")
    ChainVerification verification(@QueryParam("subject") String subject);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceException.from(NAME, response);
    }
}
