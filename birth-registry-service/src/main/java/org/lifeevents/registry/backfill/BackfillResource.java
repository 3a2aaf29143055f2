package org.lifeevents.registry.backfill;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.security.Roles;
import org.lifeevents.registry.write.Callers;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Bulk backfill of a registry migrating its history: an NDJSON upload that runs as a job. */
@Path("/backfill")
@Authenticated
@Tag(name = "Bulk backfill")
public class BackfillResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final String JOB = """
            {"jobId": "0d6f3c1e-2b8a-4f51-9a43-5c7e1d2f3a4b", "status": "RUNNING", "bytesReceived": 412345678,
             "linesTotal": 1000000, "linesRead": 250000, "linesAccepted": 249990, "linesSkipped": 0, "linesRefused": 10,
             "submittedBy": "service-account-registry-system", "createdAt": "2026-01-02T08:00:00Z",
             "startedAt": "2026-01-02T08:00:04Z", "finishedAt": null, "failure": null, "errorCount": 10,
             "errors": [{"line": 1234, "field": "members[0].personId", "code": "invalid_person_id",
                         "message": "is not a valid personal identification code: check digit does not match"}]}""";

    @Inject
    BackfillIntake intake;

    @Inject
    BackfillJobs jobs;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(NDJSON)
    @RolesAllowed(Roles.REGISTRY)
    @Operation(summary = "Upload a backfill file", description = "One JSON object per line, each with a type: household (the whole household as in PUT /households/{id}, plus householdId), birth or death (as the registration requests). The body is streamed to disk, then applied in chunks by a job; poll the job for progress and the per-line error report. Lines already applied (same registration number and body, or an unchanged household) are skipped, so uploading a file again is safe.")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING), examples = @ExampleObject(name = "lines", value = """
            {"type": "household", "householdId": "H-1002", "effectiveFrom": "2019-06-11", "address": {"street": "Riia 41", "postalCode": "51010", "municipality": "Tartu", "countryCode": "EE"}, "members": [{"personId": "49008010156", "givenNames": "Liis", "familyName": "Kask", "sex": "F", "birthDate": "1990-08-01"}, {"personId": "61906110121", "givenNames": "Mia", "familyName": "Kask", "sex": "F", "birthDate": "2019-06-11", "legalParentIds": ["49008010156"]}]}
            {"type": "birth", "registrationNumber": "B-2022-000017", "childId": "52202170330", "givenNames": "Oskar", "familyName": "Kask", "sex": "M", "birthDate": "2022-02-17", "placeOfBirth": "Tartu", "motherId": "49008010156", "childrenInBirth": 1, "birthOrder": 1}
            {"type": "death", "registrationNumber": "D-2024-000101", "personId": "35809090199", "dateOfDeath": "2024-11-02", "placeOfDeath": "Haapsalu"}""")))
    @APIResponse(responseCode = "202", description = "Received; the job runs. Location names the job.", content = @Content(examples = @ExampleObject(name = "queued", value = JOB)))
    public Response upload(InputStream body) {
        BackfillView view = intake.receive(body, Callers.of(identity));
        return Response.accepted(view).location(URI.create("/backfill/" + view.jobId())).build();
    }

    @GET
    @Path("/{jobId}")
    @RolesAllowed({ Roles.REGISTRY, Roles.AUDITOR })
    @Operation(summary = "A backfill job's progress and error report", description = "Lines read, accepted, skipped (already applied) and refused, and a page of the per-line errors (line number, field, stable code) from errorsFromLine on.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(examples = @ExampleObject(name = "running", value = JOB)))
    @APIResponse(responseCode = "404", description = "No such job")
    public BackfillView job(@PathParam("jobId") UUID jobId,
            @QueryParam("errorsFromLine") @DefaultValue("0") @Min(0) long errorsFromLine,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return jobs.view(jobId, errorsFromLine, limit);
    }
}
