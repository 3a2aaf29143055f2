package org.lifeevents.payment.payrun;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.lifeevents.common.security.CurrentPerson;
import org.lifeevents.common.security.Roles;

import io.quarkus.security.Authenticated;

/** Payment runs: operators start and resume them; caseworkers and auditors read them and their reconciliation. */
@Path("/")
@Authenticated
@Tag(name = "Payment runs")
public class RunResource {

    private static final Logger LOG = Logger.getLogger(RunResource.class);

    @Inject
    PaymentRuns runs;

    @Inject
    RunExecutor executor;

    @Inject
    RunReports reports;

    @Inject
    RunFiles files;

    @Inject
    OwedReconciliation reconciliation;

    @Inject
    CurrentPerson me;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "payment-run");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    @POST
    @Path("/runs")
    @RolesAllowed(Roles.PAYMENT_OPERATOR)
    @Operation(summary = "Start a payment run now: everything due today is paid, in pain.001 files of at most maxPaymentsPerFile payments")
    @APIResponse(responseCode = "202", description = "The run started; follow it at /runs/{runId}")
    @APIResponse(responseCode = "409", description = "Another run is unfinished: resume it first")
    public Response start(
            @QueryParam("maxPaymentsPerFile") @Min(1) @Max(100_000) @Schema(description = "Defaults to the configured file size", example = "5000") Integer maxPaymentsPerFile) {
        PaymentRun run = runs.start(me.actor(), maxPaymentsPerFile);
        executeInBackground(run.runId);
        return Response.accepted(RunView.summary(run)).header("Location", "/runs/" + run.runId).build();
    }

    @POST
    @Path("/runs/{runId}/resume")
    @RolesAllowed(Roles.PAYMENT_OPERATOR)
    @Operation(summary = "Resume a run that stopped (a crash, the bank unreachable): it continues where it stopped and never pays twice")
    @APIResponse(responseCode = "202", description = "The run is resuming")
    @APIResponse(responseCode = "404", description = "No such run")
    public Response resume(@PathParam("runId") UUID runId) {
        PaymentRun run = runs.get(runId);
        executeInBackground(run.runId);
        return Response.accepted(RunView.summary(run)).header("Location", "/runs/" + run.runId).build();
    }

    @GET
    @Path("/runs")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR, Roles.PAYMENT_OPERATOR })
    @Operation(summary = "The latest runs with their counts and totals")
    public List<RunView> list(@QueryParam("limit") @Min(1) @Max(500) Integer limit) {
        return reports.latest(limit == null ? 50 : limit);
    }

    @GET
    @Path("/runs/{runId}")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR, Roles.PAYMENT_OPERATOR })
    @Operation(summary = "One run: per-benefit counts and sums, its files, and the checks that its figures reconcile")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunView get(@PathParam("runId") UUID runId) {
        return reports.detail(runId);
    }

    @GET
    @Path("/runs/{runId}/files/{fileNo}")
    @RolesAllowed({ Roles.AUDITOR, Roles.PAYMENT_OPERATOR })
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The exact bytes of the run's pain.001 file as the bank took it; header Digest: its SHA-256")
    @APIResponse(responseCode = "200", description = "The pain.001.001.09 document")
    @APIResponse(responseCode = "404", description = "file_not_found, or file_not_archived while the bank has not taken it")
    public Response pain001(@PathParam("runId") UUID runId, @PathParam("fileNo") int fileNo) {
        return xml(files.pain001(runId, fileNo));
    }

    @GET
    @Path("/runs/{runId}/files/{fileNo}/status-report")
    @RolesAllowed({ Roles.AUDITOR, Roles.PAYMENT_OPERATOR })
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The exact bytes of the bank's pain.002 status report for the file; header Digest: its SHA-256")
    @APIResponse(responseCode = "200", description = "The pain.002.001.10 document")
    @APIResponse(responseCode = "404", description = "file_not_found, or file_not_archived while no report is imported")
    public Response statusReport(@PathParam("runId") UUID runId, @PathParam("fileNo") int fileNo) {
        return xml(files.statusReport(runId, fileNo));
    }

    private static Response xml(RunFiles.Archived file) {
        // RFC 3230 instance digest, so a client can check the bytes against the digest shown on the run.
        return Response.ok(file.content(), MediaType.APPLICATION_XML)
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.digest())))
                .tag(file.digest())
                .build();
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed({ Roles.CASEWORKER, Roles.AUDITOR, Roles.PAYMENT_OPERATOR })
    @Operation(summary = "Per benefit, for everything due by today: owed according to the entitlements, against paid, scheduled, held and failed")
    public OwedReconciliation.Report reconciliation() {
        return reconciliation.asOf();
    }

    private void executeInBackground(UUID runId) {
        background.submit(() -> {
            try {
                executor.execute(runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Run %s stopped; resume it with POST /runs/%s/resume", runId, runId);
            }
        });
    }
}
