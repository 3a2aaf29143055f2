package org.lifeevents.common.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeevents.common.security.Roles;

/** The operator's tool for records a consumer refused: after the fix, hand them back to it, once each. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetterRedrive redrive;

    @POST
    @Path("/{sourceTopic}/redrive")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Hand the records dead-lettered from a topic since the last re-drive back to its consumer", description = "Each record goes through the consumer's intake as a live one would: an event already handled"
            + " is not handled again. Records still refused are listed with the reason and not read again.")
    public RedriveReport redrive(@PathParam("sourceTopic") String sourceTopic) {
        return redrive.redrive(sourceTopic);
    }
}
