package org.lifeevents.eligibility.consent;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * The consent service's check endpoint, called with the eligibility service's own token (client credentials, role
 * {@code consent-check}).
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Path("/consent-checks")
public interface ConsentServiceClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Answer check(@QueryParam("subject") String subject, @QueryParam("purpose") String purpose,
            @QueryParam("category") String category);

    /** {@code {"allowed": true, "consentId": ..., "validUntil": ...}} or {@code {"allowed": false, "reason": ...}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(boolean allowed, String consentId, String validUntil, String reason) {
    }
}
