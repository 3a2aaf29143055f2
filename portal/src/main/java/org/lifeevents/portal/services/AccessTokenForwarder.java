package org.lifeevents.portal.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;

/**
 * Sends the signed-in person's own access token to the services, so each service decides with the person's identity
 * and roles. The portal holds no credentials of its own for the services (quarkus-rest-client-oidc-token-propagation
 * is not available for our Quarkus line; this is the part of it we need).
 */
@ApplicationScoped
public class AccessTokenForwarder implements ClientHeadersFactory {

    @Inject
    Instance<AccessTokenCredential> accessToken;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (accessToken.isResolvable()) {
            String token = accessToken.get().getToken();
            if (token != null) {
                headers.putSingle("Authorization", "Bearer " + token);
            }
        }
        return headers;
    }
}
