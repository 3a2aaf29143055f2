package org.lifeevents.eligibility.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** A citizen disagrees with a decision about their own or their minor child's entitlement. */
@Path("/me/disagreements")
@Authenticated
@Tag(name = "Citizen offers")
public class DisagreementResource {

    @Inject
    Disagreements disagreements;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "I disagree: opens a case for a caseworker with my reason")
    @APIResponse(responseCode = "201", description = "The case opened (or the open one my reason was added to)")
    @APIResponse(responseCode = "404", description = "Not my or my minor child's entitlement")
    public Response disagree(@Valid @NotNull CaseRequests.Disagree request) {
        CaseViews.Disagreement opened = disagreements.disagree(me.personId(), me.actor(), request.entitlementId(),
                request.reason());
        return Response.status(Response.Status.CREATED).entity(opened).build();
    }
}
