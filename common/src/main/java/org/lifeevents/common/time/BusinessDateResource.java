package org.lifeevents.common.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/**
 * The business date of the service, for the operator of a test or demo stack: read it, or move it forward so a family
 * can be walked through months on real servers. Every service has it from the common jar; a production service refuses
 * the move.
 */
@Path("/admin/business-date")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business date")
public class BusinessDateResource {

    @Inject
    BusinessDates dates;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.PAYMENT_OPERATOR, Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Today's business date of this service, whether it differs from the real date, and whether it can be moved")
    public BusinessDates.View get() {
        return dates.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Move this service's business date forward (test and demo stacks only)", description = "The clock"
            + " starts at noon of the date and ticks on. The same date again changes nothing; an earlier date is refused.")
    @APIResponse(responseCode = "200", description = "The business date now in force")
    @APIResponse(responseCode = "400", description = "No date, not a calendar date, or before the current business date")
    @APIResponse(responseCode = "403", description = "business_date_not_allowed: a production service lives on the real date")
    public BusinessDates.View move(@NotNull @Valid BusinessDates.Move move) {
        return dates.moveTo(move.date(), me.actor());
    }
}
