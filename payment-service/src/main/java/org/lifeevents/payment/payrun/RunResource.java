package org.lifeevents.payment.payrun;

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
import jakarta.ws.rs.QueryParam;
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
