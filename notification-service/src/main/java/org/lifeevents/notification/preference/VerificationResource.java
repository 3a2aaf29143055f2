package org.lifeevents.notification.preference;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the link in a verification e-mail leads. Open to anyone: the single-use token is the proof that whoever reads
 * that mailbox asked for it.
 */
@Path("/notification-preferences/verification")
@PermitAll
@Tag(name = "Notice preferences")
public class VerificationResource {

    @Inject
    PreferenceService preferences;

    @GET
    @Operation(summary = "Verify an e-mail address with the token its link carries")
    public PreferenceView verify(@QueryParam("token") String token) {
        return preferences.verify(token);
    }
}
