package org.lifeevents.portal.services.eligibility;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.lifeevents.portal.services.AccessTokenForwarder;
import org.lifeevents.portal.services.ServiceException;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * Every call the portal makes to the eligibility service: the citizen's offers (issue 5), and the case and audit API
 * of the caseworker contract (issue 7). Always with the signed-in person's token.
 */
@RegisterRestClient(configKey = "eligibility-service")
@RegisterClientHeaders(AccessTokenForwarder.class)
public interface EligibilityClient {

    String NAME = "eligibility-service";

    @GET
    @Path("/me/offers")
    List<Offer> offers();

    @POST
    @Path("/me/offers/{entitlementId}/confirm")
    Offer confirm(@PathParam("entitlementId") UUID entitlementId);

    @PUT
    @Path("/me/children/{childId}/monthly-recipient")
    Handover handOver(@PathParam("childId") String childId, Handover.Request request);

    @POST
    @Path("/me/disagreements")
    Disagreement disagree(Disagreement.Request request);

    @GET
    @Path("/cases")
    CaseSummary.Page cases(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("assignee") String assignee, @QueryParam("minAgeDays") Integer minAgeDays,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/cases/{caseId}")
    CaseDetail caseDetail(@PathParam("caseId") String caseId);

    @POST
    @Path("/cases/{caseId}/assign")
    Response assign(@PathParam("caseId") String caseId, CaseDetail.Assign request);

    @POST
    @Path("/cases/{caseId}/approve")
    Response approve(@PathParam("caseId") String caseId, CaseDetail.Reason request);

    @POST
    @Path("/cases/{caseId}/reject")
    Response reject(@PathParam("caseId") String caseId, CaseDetail.Reason request);

    @POST
    @Path("/cases/{caseId}/override")
    Response override(@PathParam("caseId") String caseId, CaseDetail.Override request);

    @POST
    @Path("/cases/{caseId}/second-approval")
    Response secondApproval(@PathParam("caseId") String caseId, CaseDetail.Reason request);

    @GET
    @Path("/audit/decisions")
    Decision.Page decisions(@QueryParam("personId") String personId, @QueryParam("benefit") String benefit,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/entitlements/{entitlementId}/decisions")
    Decision.History history(@PathParam("entitlementId") UUID entitlementId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceException.from(NAME, response);
    }
}
