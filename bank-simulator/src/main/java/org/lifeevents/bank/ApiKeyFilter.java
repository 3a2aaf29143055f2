package org.lifeevents.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets only clients with the shared key in {@code X-Api-Key} use the bank's interface (health and OpenAPI stay open).
 * A stand-in for the mutual TLS a real bank channel would use; the key of the local stack is a DEMO value.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";

    @Inject
    BankConfig config;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/")) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        if (key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                config.apiKey().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.valueOf("application/problem+json"))
                .entity("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"code\":\"api_key_required\","
                        + "\"detail\":\"Send the bank's API key in the X-Api-Key header.\"}")
                .build();
    }
}
