package org.lifeevents.eligibility.offer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's offers and grants, confirmations and hand-overs; the person is always the one in the token. */
@Path("/me")
@Authenticated
@Tag(name = "Citizen offers")
public class OfferResource {

    @Inject
    OfferService offers;

    @Inject
    CurrentPerson me;

    @GET
    @Path("/offers")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "My offers and automatic grants and my minor children's, each with amount, period, first "
            + "payment date, what is missing and the explanation")
    @APIResponse(responseCode = "200", description = "Offers and grants, oldest first")
    public List<OfferView> offers() {
        return offers.offersFor(me.personId());
    }

    @POST
    @Path("/offers/{entitlementId}/confirm")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Confirm an offer in one click (for the parental benefit: take it); confirming twice is harmless")
    @APIResponse(responseCode = "200", description = "The offer as it stands after the confirmation")
    @APIResponse(responseCode = "403", description = "Offered to someone else, or not a legal parent of the child")
    @APIResponse(responseCode = "404", description = "No such offer for you")
    @APIResponse(responseCode = "409", description = "Not confirmable now (waiting for data, refused, or taken by the "
            + "other parent); the problem lists what is missing")
    public OfferView confirm(@PathParam("entitlementId") UUID entitlementId) {
        return offers.confirm(me.personId(), me.actor(), entitlementId);
    }

    @PUT
    @Path("/children/{childId}/monthly-recipient")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Hand my child's monthly benefits to the other legal parent from the 1st of next month")
    @APIResponse(responseCode = "200", description = "Who receives the monthly benefits from when, and the changed grants")
    @APIResponse(responseCode = "400", description = "Not a person id, or an invalid recipient")
    @APIResponse(responseCode = "404", description = "Not your minor child")
    @APIResponse(responseCode = "409", description = "You are not the one receiving them, or none are paid")
    @APIResponse(responseCode = "422", description = "The person is not the child's other legal parent")
    public HandoverView handOver(@PathParam("childId") String childId, @Valid @NotNull HandoverRequest request) {
        return offers.handOver(me.personId(), me.actor(), PersonId.requireValid("childId", childId),
                request.recipientId());
    }

    @GET
    @Path("/actions")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "What I did here (confirmations, hand-overs, refused attempts), oldest first")
    public List<ActionView> actions() {
        return offers.actionsOf(me.personId());
    }
}
