package org.lifeevents.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.ProblemException;

/**
 * The person behind the request, from the {@code person_id} claim of the access token. A citizen's own id always
 * comes from here, never from the request body or path.
 */
@RequestScoped
public class CurrentPerson {

    public static final String PERSON_ID_CLAIM = "person_id";

    @Inject
    JsonWebToken token;

    public String personId() {
        String id = token.getClaim(PERSON_ID_CLAIM);
        if (id == null || !PersonId.isValid(id)) {
            throw ProblemException.forbidden("no_person_id", "The login carries no valid personal identification code.");
        }
        return id;
    }

    /** Who acted, for audit trails: the user name or the machine client. */
    public String actor() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getName();
    }
}
