package org.lifeevents.consent.tracker;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.Problem.FieldError;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The auditor's check that no data-access entry was altered, removed or reordered. */
@Path("/audit/data-access")
@Authenticated
@Tag(name = "Audit", description = "Tamper evidence of the data-access log")
public class AuditResource {

    @Inject
    ChainVerifier verifier;

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Verify the data-access chains", description = "Recomputes every entry's hashes and links from the stored data; names the earliest recorded entry where a chain breaks. Reads only.")
    @APIResponse(responseCode = "200", description = "The verification result (valid or not)")
    @APIResponse(responseCode = "400", description = "Invalid person id")
    public ChainVerification verify(
            @Parameter(description = "Verify only this person's chain", example = "49403136515") @QueryParam("subject") String subject) {
        if (subject != null) {
            PersonId.problem(subject).ifPresent(p -> {
                throw ProblemException.invalid(List.of(new FieldError("subject", "invalid_person_id", p)));
            });
        }
        return verifier.verify(Optional.ofNullable(subject));
    }
}
