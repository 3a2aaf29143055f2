package org.lifeevents.registry.registration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Civil registrations sent by the registry system. */
@Path("/registrations")
@Authenticated
@Tag(name = "Civil registrations")
public class RegistrationResource {

    @Inject
    BirthRegistrationService births;

    @POST
    @Path("/births")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Register a birth", description = "Idempotent on registrationNumber: the same body again returns the first answer; a different body is 409 naming the differences.")
    @APIResponse(responseCode = "201", description = "Registered, and published on registry.registrations.v1")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json lists each)")
    @APIResponse(responseCode = "409", description = "The registration number was used with a different body")
    public Response registerBirth(@NotNull @Valid BirthRegistrationRequest request) {
        RegistrationReceipt receipt = births.register(request, CorrelationId.current());
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
