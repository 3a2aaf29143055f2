package org.lifeevents.consent.check;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.Problem.FieldError;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.Roles;
import org.lifeevents.consent.consent.DataCategory;
import org.lifeevents.consent.consent.Purpose;

import io.quarkus.security.Authenticated;

/**
 * The synchronous consent check a service calls right before it reads a person's data. The consent topic is for
 * reacting to changes; this is what decides.
 */
@Path("/consent-checks")
@Authenticated
@Tag(name = "Consent check", description = "For services: may a person's data be used now?")
public class ConsentCheckResource {

    @Inject
    ConsentCheckService checks;

    @GET
    @RolesAllowed(Roles.CONSENT_CHECK)
    @Operation(summary = "May this person's data in this category be used for this purpose now?", description = "Answers from the committed consents: a revocation is refused from the moment it commits. Call it right before each read and record the consentId with the use.")
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentCheckResult.class), examples = {
            @ExampleObject(name = "allowed", value = "{\"allowed\": true, \"consentId\": \"3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c\", \"validUntil\": null}"),
            @ExampleObject(name = "refused", value = "{\"allowed\": false, \"reason\": \"REVOKED\"}") }))
    @APIResponse(responseCode = "400", description = "Invalid person id, purpose or category (problem+json lists each)")
    public Response check(
            @Parameter(description = "The data subject's person id", example = "49403136515") @QueryParam("subject") String subject,
            @Parameter(description = "Purpose of the use", example = "FAMILY_BENEFITS") @QueryParam("purpose") String purpose,
            @Parameter(description = "Data category to be read", example = "TAX_INCOME") @QueryParam("category") String category) {
        List<FieldError> errors = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            errors.add(new FieldError("subject", "required", "must be given"));
        } else {
            PersonId.problem(subject).ifPresent(p -> errors.add(new FieldError("subject", "invalid_person_id", p)));
        }
        if (purpose == null || purpose.isBlank()) {
            errors.add(new FieldError("purpose", "required", "must be given"));
        } else if (Purpose.parse(purpose).isEmpty()) {
            errors.add(new FieldError("purpose", "unknown_purpose", "must be one of " + Purpose.allowed()));
        }
        if (category == null || category.isBlank()) {
            errors.add(new FieldError("category", "required", "must be given"));
        } else if (DataCategory.parse(category).isEmpty()) {
            errors.add(new FieldError("category", "unknown_data_category", "must be one of " + DataCategory.allowed()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // A decision may rest on this answer only at this moment: nobody may reuse it later.
        return Response.ok(checks.check(subject, purpose, category)).header("Cache-Control", "no-store").build();
    }
}
