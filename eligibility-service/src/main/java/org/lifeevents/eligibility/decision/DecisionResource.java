package org.lifeevents.eligibility.decision;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Read-only access to the decision log for auditors and caseworkers: every decision of an entitlement, explained. */
@Path("/entitlements")
@Authenticated
@Tag(name = "Decision log")
public class DecisionResource {

    @Inject
    DecisionLog log;

    @GET
    @Path("/{entitlementId}/decisions")
    @RolesAllowed({ Roles.AUDITOR, Roles.CASEWORKER })
    @Operation(summary = "Every decision of an entitlement with its explanation, and whether the hash chain is intact")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first")
    @APIResponse(responseCode = "404", description = "No such entitlement")
    public DecisionView.History decisions(@PathParam("entitlementId") UUID entitlementId) {
        return log.history(entitlementId);
    }
}
