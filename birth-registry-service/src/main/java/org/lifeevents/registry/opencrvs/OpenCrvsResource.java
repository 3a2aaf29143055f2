package org.lifeevents.registry.opencrvs;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifeevents.common.correlation.CorrelationId;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.common.security.Roles;
import org.lifeevents.registry.write.Callers;
import org.lifeevents.registry.write.WriteContext;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * OpenCRVS's door: its webhook (signed with the subscriber's secret, no token, as OpenCRVS calls subscribers) and the
 * same FHIR bundle posted on its own by a registry client with a token.
 */
@Path("/opencrvs")
@Authenticated
@Tag(name = "OpenCRVS")
public class OpenCrvsResource {

    /** Who the history names for what came through the webhook, which has no token to name a caller. */
    static final String WEBHOOK_CALLER = "opencrvs-webhook";
    private static final String FHIR_JSON = "application/fhir+json";

    @Inject
    OpenCrvsIntake intake;

    @Inject
    SecurityIdentity identity;

    @Inject
    FhirBundles bundles;

    @GET
    @Path("/webhooks")
    @PermitAll
    @Operation(summary = "Confirm a WebSub subscription", description = "OpenCRVS calls this when the subscription is made, with mode=subscribe, a challenge and the topic; the challenge is answered for BIRTH_REGISTERED and DEATH_REGISTERED.")
    @APIResponse(responseCode = "200", description = "{\"challenge\": \"...\"}")
    @APIResponse(responseCode = "400", description = "Not a subscription request for a topic this registry takes (unknown_event_type, not_an_opencrvs_notification)")
    public Map<String, String> verify(@QueryParam("mode") String mode, @QueryParam("challenge") String challenge,
            @QueryParam("topic") String topic) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isBlank()) {
            throw Refusal.NOT_A_NOTIFICATION.exception("A subscription check has mode=subscribe and a challenge.");
        }
        if (topic == null || !OpenCrvsIntake.TOPICS.containsKey(topic)) {
            throw Refusal.UNKNOWN_EVENT_TYPE.exception("This registry takes BIRTH_REGISTERED and DEATH_REGISTERED.");
        }
        return Map.of("challenge", challenge);
    }

    @POST
    @Path("/webhooks")
    @PermitAll
    @Consumes({ MediaType.APPLICATION_JSON, FHIR_JSON })
    @Operation(summary = "An OpenCRVS webhook notification", description = "BIRTH_REGISTERED or DEATH_REGISTERED as OpenCRVS's webhooks service sends it: {timestamp, id, event: {hub: {topic}, context: [Bundle]}}, signed in X-Hub-Signature (sha256=HMAC of the body with the subscriber's secret). Applied through the same path as POST /registrations/births and /deaths: the same notification again is answered as the first time; a changed one under the same registration number is a correction.")
    @APIResponse(responseCode = "200", description = "Registered (or corrected); the registration's receipt")
    @APIResponse(responseCode = "400", description = "Not an OpenCRVS notification, not a FHIR Bundle, unknown event type, or invalid content with each FHIR path")
    @APIResponse(responseCode = "401", description = "Signature missing or not matching the body")
    @APIResponse(responseCode = "403", description = "No subscriber secret configured")
    @APIResponse(responseCode = "409", description = "The child's birth or the person's death is registered already under another number")
    @APIResponse(responseCode = "422", description = "The record is not REGISTERED")
    public Response webhook(@HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, String body) {
        return answer(accept,
                () -> intake.webhook(body, signature, new WriteContext(CorrelationId.current(), WEBHOOK_CALLER)));
    }

    @POST
    @Path("/bundles")
    @RolesAllowed(Roles.REGISTRY)
    @Consumes({ FHIR_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "An OpenCRVS registration bundle posted by a registry client", description = "The FHIR R4 Bundle of one birth or death registration (Task, Composition, Patients, Encounter, Observations), without the webhook envelope; the Task's code says which. The same mapping, checks and idempotency as the webhook.")
    @APIResponse(responseCode = "200", description = "Registered (or corrected); the registration's receipt")
    @APIResponse(responseCode = "400", description = "Not a FHIR Bundle, unknown event type, or invalid content with each FHIR path")
    @APIResponse(responseCode = "409", description = "The child's birth or the person's death is registered already under another number")
    @APIResponse(responseCode = "422", description = "The record is not REGISTERED")
    public Response bundle(@HeaderParam(HttpHeaders.ACCEPT) String accept, String body) {
        return answer(accept, () -> intake.bundle(body, Callers.of(identity)));
    }

    /**
     * The receipt; a refusal as problem+json, or as a FHIR OperationOutcome when the client accepts
     * {@code application/fhir+json}, as FHIR clients do.
     */
    private Response answer(String accept, Supplier<OpenCrvsReceipt> write) {
        try {
            return Response.ok(write.get(), MediaType.APPLICATION_JSON).build();
        } catch (ProblemException refusal) {
            if (accept == null || !accept.contains(FHIR_JSON)) {
                throw refusal;
            }
            return Response.status(refusal.status()).type(FHIR_JSON)
                    .entity(bundles.outcome(refusal, CorrelationId.current())).build();
        }
    }
}
