package org.lifeevents.payment.bank;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Imports a pain.002 status report the bank delivered outside a run (a later report, or one fetched by hand). */
@Path("/status-reports")
@Authenticated
@Tag(name = "Bank status reports")
public class StatusReportResource {

    @Inject
    StatusReportImporter importer;

    @POST
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    @RolesAllowed(Roles.PAYMENT_OPERATOR)
    @Operation(summary = "Import a pain.002.001.10 status report: settled and failed payments, each announced once")
    @RequestBody(description = "The pain.002 document the bank sent")
    @APIResponse(responseCode = "200", description = "What the import changed (a repeated report changes nothing)")
    @APIResponse(responseCode = "400", description = "Not a valid pain.002.001.10 document")
    @APIResponse(responseCode = "422", description = "The report is about a file no run sent")
    public StatusReportImporter.Outcome importReport(String pain002) {
        return importer.importReport(pain002);
    }
}
