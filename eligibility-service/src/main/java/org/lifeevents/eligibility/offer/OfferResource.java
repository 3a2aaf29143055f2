package org.lifeevents.eligibility.offer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's offers and grants; the person is always the one in the token. */
@Path("/me/offers")
@Authenticated
@Tag(name = "Citizen offers")
public class OfferResource {

    @Inject
    OfferService offers;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My offers and automatic grants, each with amount, period, first payment date and explanation")
    public List<OfferView> mine() {
        return offers.offersFor(me.personId());
    }

    @POST
    @Path("/{entitlementId}/confirm")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Confirm an offer (one click); confirming twice is harmless")
    public OfferView confirm(@PathParam("entitlementId") UUID entitlementId) {
        return offers.confirm(me.personId(), entitlementId);
    }
}
