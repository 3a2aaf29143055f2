package org.lifeevents.consent.tracker;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.problem.Problem.FieldError;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** The citizen's data tracker: every reported use of their own data. */
@Path("/me/data-access")
@Authenticated
@Tag(name = "Data tracker", description = "Who used my data, for what, under which consent")
public class DataAccessResource {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    DataAccessLog log;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Uses of my data, newest first", description = "Paged; each entry names the service, category, purpose, the consent relied on and whether it covered the use.")
    @APIResponse(responseCode = "200", description = "One page of my entries")
    @APIResponse(responseCode = "400", description = "page below 0 or size outside 1..100")
    public DataAccessPage mine(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Entries per page, 1 to 100") @QueryParam("size") @DefaultValue("20") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "out_of_range", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "out_of_range", "must be 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return log.page(me.personId(), page, size);
    }
}
