package org.lifeevents.registry.household;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.security.Roles;
import org.lifeevents.registry.write.Callers;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The population register as the registry system maintains it: household loads, moves and custody changes. */
@Path("/")
@Authenticated
@Tag(name = "Population register")
public class HouseholdResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PopulationRegister register;

    @Inject
    PopulationChanges changes;

    @Inject
    PopulationQueries queries;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("households/{householdId}")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Load or replace a household", description = "Sets the household's address and members; members not named leave it the day before effectiveFrom, members who lived elsewhere leave that household (it is published too). Publishes the new state on registry.households.v1; a load that changes nothing publishes nothing and returns the current version.")
    @APIResponse(responseCode = "200", description = "The household's version now", content = @Content(examples = @ExampleObject(name = "loaded", value = """
            {"householdId": "H-1001", "version": 3, "members": 2, "changed": true}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = """
            {"type": "urn:lifeevents:problem:validation_failed", "title": "Bad Request", "status": 400,
             "code": "validation_failed", "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "errors": [{"field": "members[1].birthDate", "code": "invalid_date", "message": "is not a real date in the form YYYY-MM-DD"},
                        {"field": "members[1].spouseId", "code": "spouse_not_mutual", "message": "the spouse, a member too, names another spouse"}]}""")))
    public PopulationRegister.LoadResult load(
            @PathParam("householdId") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String householdId,
            HouseholdRequest request) {
        return register.load(householdId, request, CorrelationId.current());
    }

    @GET
    @Path("households/{householdId}")
    @RolesAllowed({ Roles.REGISTRY, Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Read a household as it is today", description = "The same content as its latest snapshot on registry.households.v1.")
    @APIResponse(responseCode = "200", description = "The household", content = @Content(examples = @ExampleObject(name = "household", value = """
            {"householdId": "H-1002", "version": 1,
             "address": {"street": "Riia 41", "postalCode": "51010", "municipality": "Tartu", "countryCode": "EE"},
             "members": [{"personId": "49008010156", "givenNames": "Liis", "familyName": "Kask", "sex": "F",
                          "birthDate": "1990-08-01", "dateOfDeath": null, "memberSince": "2019-06-11",
                          "inPopulationRegister": true, "spouseId": null, "legalParentIds": [], "guardianIds": [],
                          "childrenInBirth": 1, "birthOrder": 1}]}""")))
    @APIResponse(responseCode = "404", description = "No such household")
    public HouseholdView household(
            @PathParam("householdId") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String householdId) {
        return queries.household(householdId);
    }

    @GET
    @Path("persons/{personId}")
    @RolesAllowed({ Roles.REGISTRY, Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Read a person of the register", description = "With their household, legal parents, guardians and children.")
    @APIResponse(responseCode = "200", description = "The person", content = @Content(examples = @ExampleObject(name = "person", value = """
            {"personId": "49008010156", "givenNames": "Liis", "familyName": "Kask", "sex": "F", "birthDate": "1990-08-01",
             "dateOfDeath": null, "inPopulationRegister": true, "spouseId": null, "householdId": "H-1002",
             "legalParentIds": [], "guardianIds": [], "childIds": ["52202170330", "61906110121"]}""")))
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(responseCode = "400", description = "Not a person id")
    public PersonView person(@PathParam("personId") String personId) {
        return queries.person(PersonId.requireValid("personId", personId));
    }

    @POST
    @Path("moves")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Move people to another household", description = "Each person leaves their household the day before effectiveFrom and joins the named one (created with the given address when new); without toHouseholdId they leave every household. Publishes every household the move touches. Idempotent on changeNumber.")
    @APIResponse(responseCode = "200", description = "Moved; the households published and their versions", content = @Content(examples = @ExampleObject(name = "moved", value = """
            {"changeNumber": "M-2026-000042", "kind": "MOVE", "personIds": ["49008010156", "61906110121"],
             "households": [{"householdId": "H-1002", "version": 4}, {"householdId": "H-2002", "version": 1}],
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c", "recordedAt": "2026-04-01T09:30:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "409", description = "The change number was used with a different body (the differences listed)")
    public PopulationChangeReceipt move(MoveRequest request) {
        return changes.move(request, Callers.of(identity));
    }

    @POST
    @Path("custody-changes")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Change who is responsible for a person", description = "Replaces the legal parents and/or guardians and publishes the person's household. Idempotent on changeNumber.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(examples = @ExampleObject(name = "changed", value = """
            {"changeNumber": "G-2026-000007", "kind": "CUSTODY", "personIds": ["52202170330"],
             "households": [{"householdId": "H-1002", "version": 5}],
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c", "recordedAt": "2026-04-15T10:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "409", description = "The change number was used with a different body (the differences listed)")
    public PopulationChangeReceipt custody(CustodyRequest request) {
        return changes.custody(request, Callers.of(identity));
    }
}
