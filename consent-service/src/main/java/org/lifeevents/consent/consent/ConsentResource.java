package org.lifeevents.consent.consent;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's own consents. */
@Path("/me/consents")
@Authenticated
@Tag(name = "Consents")
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My consents with their status")
    public List<ConsentView> mine() {
        return Consent.of(me.personId()).stream().map(ConsentView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Grant a consent")
    public Response grant(@NotNull @Valid ConsentRequest request) {
        return Response.status(201).entity(ConsentView.of(consents.grant(me.personId(), request, CorrelationId.current())))
                .build();
    }

    @POST
    @Path("/{consentId}/revoke")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Revoke one of my consents; takes effect at once")
    public ConsentView revoke(@PathParam("consentId") UUID consentId) {
        return ConsentView.of(consents.revoke(me.personId(), consentId, CorrelationId.current()));
    }

    public record ConsentView(UUID consentId, String purpose, List<String> dataCategories, Instant validFrom,
            Instant validUntil, Instant grantedAt, Instant revokedAt, String status, UUID receiptId) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.consentId, c.purpose, c.dataCategories, c.validFrom, c.validUntil, c.grantedAt,
                    c.revokedAt, c.statusAt(Instant.now()), c.receiptId);
        }
    }
}
