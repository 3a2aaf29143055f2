package org.lifeevents.eligibility.cases;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The caseworkers' queue and actions; auditors read it, only caseworkers act. */
@Path("/cases")
@Authenticated
@Tag(name = "Cases")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "The queue of cases, oldest first, filtered by status, type, assignee and minimum age")
    @APIResponse(responseCode = "200", description = "One page of cases and the total")
    public CaseViews.Page<CaseViews.Summary> queue(@QueryParam("status") CaseStatus status,
            @QueryParam("type") CaseType type, @QueryParam("assignee") String assignee,
            @QueryParam("minAgeDays") @Min(0) Integer minAgeDays,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return cases.queue(status, type, assignee, minAgeDays, page, size);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "A case with the decision's full explanation, its inputs with their sources, and every action")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case")
    public CaseViews.Detail detail(@PathParam("caseId") UUID caseId) {
        return cases.detail(caseId);
    }

    @POST
    @Path("/{caseId}/assign")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Assign the case to a caseworker (omit the assignee to take it yourself)")
    @APIResponse(responseCode = "200", description = "The case as it stands now")
    @APIResponse(responseCode = "409", description = "The case is resolved")
    public CaseViews.Detail assign(@PathParam("caseId") UUID caseId, @Valid CaseRequests.Assign request) {
        return cases.assign(caseId, me.actor(), request == null ? null : request.assignee());
    }

    @POST
    @Path("/{caseId}/approve")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Approve with a written reason: on a case about a decision, what the rules computed is granted")
    @APIResponse(responseCode = "200", description = "The resolved case")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "Resolved already, or an override waits for a second caseworker")
    public CaseViews.Detail approve(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseRequests.Reason request) {
        return cases.approve(caseId, me.actor(), request.reason());
    }

    @POST
    @Path("/{caseId}/reject")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Reject with a written reason: on a case about a decision, the entitlement is refused")
    @APIResponse(responseCode = "200", description = "The resolved case")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "Resolved already, or an override waits for a second caseworker")
    public CaseViews.Detail reject(@PathParam("caseId") UUID caseId, @Valid @NotNull CaseRequests.Reason request) {
        return cases.reject(caseId, me.actor(), request.reason());
    }

    @POST
    @Path("/{caseId}/override")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Pay another amount per period, with a written reason; above 1000.00 EUR a second caseworker "
            + "must approve it")
    @APIResponse(responseCode = "200", description = "The case: resolved, or AWAITING_SECOND_APPROVAL")
    @APIResponse(responseCode = "400", description = "No reason or no positive amount")
    @APIResponse(responseCode = "409", description = "Resolved already, waiting for a second approval, or nothing to "
            + "override (override_not_applicable)")
    public CaseViews.Detail override(@PathParam("caseId") UUID caseId,
            @Valid @NotNull CaseRequests.Override request) {
        return cases.override(caseId, me.actor(), request.reason(), request.amountCents());
    }

    @POST
    @Path("/{caseId}/second-approval")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Approve another caseworker's override above the four-eyes limit, with a written reason")
    @APIResponse(responseCode = "200", description = "The resolved case")
    @APIResponse(responseCode = "409", description = "The same caseworker (second_approver_must_differ), or nothing "
            + "waits for approval")
    public CaseViews.Detail secondApproval(@PathParam("caseId") UUID caseId,
            @Valid @NotNull CaseRequests.Reason request) {
        return cases.secondApproval(caseId, me.actor(), request.reason());
    }
}
