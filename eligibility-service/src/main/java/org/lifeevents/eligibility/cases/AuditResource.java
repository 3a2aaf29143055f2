package org.lifeevents.eligibility.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.ValidPersonId;
import org.lifeevents.common.security.Roles;
import org.lifeevents.eligibility.decision.DecisionView;
import org.lifeevents.eligibility.rules.Benefit;

import io.quarkus.security.Authenticated;

/** The decision log across entitlements for auditors and caseworkers, newest first, with explanations. */
@Path("/audit")
@Authenticated
@Tag(name = "Decision log")
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @Path("/decisions")
    @RolesAllowed({ Roles.AUDITOR, Roles.CASEWORKER })
    @Operation(summary = "Decisions about a person (as recipient or beneficiary) and/or a benefit, newest first, each "
            + "with its full explanation")
    @APIResponse(responseCode = "200", description = "One page of decisions and the total")
    public CaseViews.Page<DecisionView> decisions(@QueryParam("personId") @ValidPersonId String personId,
            @QueryParam("benefit") Benefit benefit, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return log.decisions(personId, benefit, page, size);
    }
}
