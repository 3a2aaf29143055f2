package org.lifeevents.consent.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's own consents: the person is always the one logged in. */
@Path("/me/consents")
@Authenticated
@Tag(name = "Consents", description = "My consents to reuse my data for a purpose")
public class ConsentResource {

    @Inject
    Clock clock;

    @Inject
    ConsentService consents;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My consents with their status now", description = "Oldest first; revoked and expired ones stay listed.")
    @APIResponse(responseCode = "200", description = "My consents")
    public List<ConsentView> mine() {
        Instant now = clock.instant();
        return consents.of(me.personId()).stream().map(c -> ConsentView.of(c, now)).toList();
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "One of my consents")
    @APIResponse(responseCode = "200", description = "The consent")
    @APIResponse(responseCode = "404", description = "No such consent of mine (also for another person's)")
    public ConsentView one(@PathParam("consentId") UUID consentId) {
        return ConsentView.of(consents.one(me.personId(), consentId), clock.instant());
    }

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Grant a consent", description = "Issues a signed consent receipt and publishes my consents on consent.consents.v1.")
    @APIResponse(responseCode = "201", description = "Granted; the body is the consent, Location its address")
    @APIResponse(responseCode = "400", description = "Unknown purpose or category, or a validity that starts in the past or ends before it starts (problem+json lists each)")
    public Response grant(@NotNull @Valid ConsentRequest request) {
        Consent consent = consents.grant(me.personId(), request, CorrelationId.current());
        return Response.status(Response.Status.CREATED)
                .location(java.net.URI.create("/me/consents/" + consent.consentId))
                .entity(ConsentView.of(consent, clock.instant()))
                .build();
    }

    @POST
    @Path("/{consentId}/revoke")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Revoke one of my consents; takes effect at once", description = "From the moment this returns, the consent check refuses every use under the consent. Issues a signed revocation receipt. Revoking again answers the same and changes nothing.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such consent of mine (also for another person's)")
    @APIResponse(responseCode = "409", description = "The consent already expired")
    public ConsentView revoke(@PathParam("consentId") UUID consentId) {
        return ConsentView.of(consents.revoke(me.personId(), consentId, CorrelationId.current()), clock.instant());
    }
}
