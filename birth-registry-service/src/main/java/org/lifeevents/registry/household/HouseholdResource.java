package org.lifeevents.registry.household;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Households of the population register, as the registry system maintains them. */
@Path("/households")
@Authenticated
@Tag(name = "Population register")
public class HouseholdResource {

    @Inject
    PopulationRegister register;

    @PUT
    @Path("/{householdId}")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Load or replace a household", description = "Sets the household's address and members; members not named leave it the day before effectiveFrom. Publishes the new state on registry.households.v1.")
    public HouseholdView load(@PathParam("householdId") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String householdId,
            @Valid HouseholdRequest request) {
        var event = register.load(householdId, request, CorrelationId.current());
        return new HouseholdView(event.getHouseholdId(), event.getVersion(), event.getMembers().size());
    }

    public record HouseholdView(String householdId, long version, int members) {
    }
}
