package org.lifeevents.registry.registration;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.Roles;
import org.lifeevents.registry.write.Callers;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Civil registrations sent by the registry system: births, deaths, corrections, revocations; and their reads. */
@Path("/registrations")
@Authenticated
@Tag(name = "Civil registrations")
public class RegistrationResource {

    /** A registration number as the registry writes it; anything else (a NUL, a space) is refused before a lookup. */
    private static final String NUMBER = "[A-Za-z0-9-]{1,40}";

    private static final String PROBLEM = "application/problem+json";
    private static final String RECEIPT = """
            {"registrationNumber": "B-2026-000123", "kind": "BIRTH", "subjectPersonId": "62603020013",
             "householdId": "H-1001", "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "registeredAt": "2026-03-02T10:15:00.123Z"}""";
    private static final String INVALID = """
            {"type": "urn:lifeevents:problem:validation_failed", "title": "Bad Request", "status": 400,
             "detail": "The request has invalid fields.", "code": "validation_failed",
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "errors": [{"field": "birthDate", "code": "invalid_date", "message": "is not a real date in the form YYYY-MM-DD"},
                        {"field": "childId", "code": "invalid_person_id", "message": "is not a valid personal identification code: check digit does not match"},
                        {"field": "motherId", "code": "unknown_person", "message": "is not in the population register"}]}""";
    private static final String REUSED = """
            {"type": "urn:lifeevents:problem:registration_number_reused", "title": "Conflict", "status": 409,
             "detail": "B-2026-000123 was used before with a different body; the first request stands.",
             "code": "registration_number_reused", "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "errors": [{"field": "givenNames", "code": "differs_from_first_request", "message": "was \\"Mari\\", now \\"Maria\\""}]}""";

    @Inject
    BirthRegistrationService births;

    @Inject
    DeathRegistrationService deaths;

    @Inject
    CorrectionService corrections;

    @Inject
    RevocationService revocations;

    @Inject
    RegistrationQueries queries;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/births")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Register a birth", description = "The child enters the population register and the mother's household (the father's when the mother is not a resident person with a household). Publishes BirthRegisteredEvent on registry.registrations.v1 and the household on registry.households.v1. Idempotent on registrationNumber: the same body again returns the first answer; a different body is 409 naming the differences.")
    @APIResponse(responseCode = "201", description = "Registered and published", content = @Content(examples = @ExampleObject(name = "registered", value = RECEIPT)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed with a stable code; nothing stored or published", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "409", description = "The registration number was used with a different body, or the child's birth is registered already", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "reused", value = REUSED)))
    public Response registerBirth(BirthRegistrationRequest request) {
        return Response.status(Response.Status.CREATED).entity(births.register(request, Callers.of(identity))).build();
    }

    @POST
    @Path("/deaths")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Register a death (Tell Us Once)", description = "Publishes DeathRegisteredEvent with everything consumers need (household, spouse, household members and their relation, minor children with surviving parents and guardians, the deceased's parents) and the household from the date of death, in which the deceased appears with the date of death. Idempotent on registrationNumber.")
    @APIResponse(responseCode = "201", description = "Registered and published", content = @Content(examples = @ExampleObject(name = "registered", value = """
            {"registrationNumber": "D-2026-000045", "kind": "DEATH", "subjectPersonId": "35809090199",
             "householdId": "H-1004", "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "registeredAt": "2026-03-21T08:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields (unknown person, death before birth, date in the future, ...)", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = """
            {"type": "urn:lifeevents:problem:validation_failed", "title": "Bad Request", "status": 400, "code": "validation_failed",
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
             "errors": [{"field": "dateOfDeath", "code": "before_birth", "message": "is before the person's birth on 1958-09-09"}]}""")))
    @APIResponse(responseCode = "409", description = "The registration number was used with a different body, or the person's death is registered already")
    public Response registerDeath(DeathRegistrationRequest request) {
        return Response.status(Response.Status.CREATED).entity(deaths.register(request, Callers.of(identity))).build();
    }

    @POST
    @Path("/{registrationNumber}/corrections")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Correct a registration", description = "Applies the changed fields, checks the result like a new registration, and publishes RegistrationCorrectedEvent with the changes (before and after), the whole corrected record, the reason and the date it takes effect. Idempotent on correctionNumber.")
    @APIResponse(responseCode = "201", description = "Corrected and published", content = @Content(examples = @ExampleObject(name = "corrected", value = """
            {"correctionNumber": "C-2026-000311", "registrationNumber": "B-2026-000123", "kind": "BIRTH",
             "subjectPersonId": "62603020013", "reason": "formal_correction", "effectiveFrom": "2026-05-04",
             "changes": [{"field": "father", "previousValue": null, "newValue": "39205202210"}],
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c", "correctedAt": "2026-05-04T09:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed (fields of the corrected record under changes.)")
    @APIResponse(responseCode = "404", description = "No such registration")
    @APIResponse(responseCode = "409", description = "The correction number was used with a different body, or the registration is revoked")
    @APIResponse(responseCode = "422", description = "The changes leave the registration as it is (code no_change)")
    public Response correct(@PathParam("registrationNumber") @Pattern(regexp = NUMBER) String registrationNumber,
            CorrectionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(corrections.correct(registrationNumber, request, Callers.of(identity))).build();
    }

    @POST
    @Path("/{registrationNumber}/revocation")
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Revoke a registration made in error", description = "Undoes what the registration did to the population register and publishes RegistrationRevokedEvent (and the households it changed). A registration is revoked once: the same body again returns the first answer; another body is 409.")
    @APIResponse(responseCode = "200", description = "Revoked and published", content = @Content(examples = @ExampleObject(name = "revoked", value = """
            {"registrationNumber": "B-2026-000123", "kind": "BIRTH", "subjectPersonId": "62603020013",
             "reason": "Registered twice by the hospital", "revokedBy": "official 4711",
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c", "revokedAt": "2026-03-03T12:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
    @APIResponse(responseCode = "404", description = "No such registration")
    @APIResponse(responseCode = "409", description = "Revoked before with another body, or a death registered for the child must be revoked first")
    public Response revoke(@PathParam("registrationNumber") @Pattern(regexp = NUMBER) String registrationNumber,
            RevocationRequest request) {
        return Response.ok(revocations.revoke(registrationNumber, request, Callers.of(identity))).build();
    }

    @GET
    @Path("/{registrationNumber}")
    @RolesAllowed({ Roles.REGISTRY, Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Read a registration", description = "The current, corrected record and its status.")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(examples = @ExampleObject(name = "registration", value = """
            {"registrationNumber": "B-2026-000123", "kind": "BIRTH", "status": "ACTIVE", "subjectPersonId": "62603020013",
             "eventDate": "2026-03-02", "householdId": "H-1001",
             "record": {"registrationNumber": "B-2026-000123", "childId": "62603020013", "givenNames": "Mari",
                        "familyName": "Tamm", "sex": "F", "birthDate": "2026-03-02", "birthTime": "08:15",
                        "placeOfBirth": "Tallinn", "motherId": "49403136515", "fatherId": "39205202210",
                        "childrenInBirth": 1, "birthOrder": 1},
             "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c", "registeredAt": "2026-03-02T10:15:00.123Z",
             "updatedAt": "2026-03-02T10:15:00.123Z", "revokedAt": null, "revocationReason": null}""")))
    @APIResponse(responseCode = "404", description = "No such registration")
    public RegistrationView registration(@PathParam("registrationNumber") @Pattern(regexp = NUMBER) String registrationNumber) {
        return queries.registration(registrationNumber);
    }

    @GET
    @Path("/{registrationNumber}/history")
    @RolesAllowed({ Roles.REGISTRY, Roles.CASEWORKER, Roles.AUDITOR })
    @Operation(summary = "Read a registration's history", description = "Every accepted write (the registration, each correction, the revocation), oldest first, with who sent it, when, the request and the answer.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(examples = @ExampleObject(name = "history", value = """
            [{"sequence": 1, "kind": "BIRTH", "number": "B-2026-000123", "recordedAt": "2026-03-02T10:15:00.123Z",
              "recordedBy": "service-account-registry-system", "correlationId": "3f2b0c4e9d7a4f0e8b1c2d3e4f5a6b7c",
              "request": {"registrationNumber": "B-2026-000123", "childId": "62603020013"},
              "answer": {"registrationNumber": "B-2026-000123", "kind": "BIRTH"}},
             {"sequence": 2, "kind": "CORRECTION", "number": "C-2026-000311", "recordedAt": "2026-05-04T09:00:00Z",
              "recordedBy": "service-account-registry-system", "correlationId": "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
              "request": {"registrationNumber": "B-2026-000123", "correction": {"correctionNumber": "C-2026-000311"}},
              "answer": {"correctionNumber": "C-2026-000311", "effectiveFrom": "2026-05-04"}}]""")))
    @APIResponse(responseCode = "404", description = "No such registration")
    public List<HistoryEntry> history(@PathParam("registrationNumber") @Pattern(regexp = NUMBER) String registrationNumber) {
        return queries.history(registrationNumber);
    }
}
