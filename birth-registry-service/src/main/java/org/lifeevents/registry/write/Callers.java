package org.lifeevents.registry.write;

import org.lifeevents.common.correlation.CorrelationId;

import io.quarkus.security.identity.SecurityIdentity;

/** The write context of the current HTTP request: its correlation id and the caller the token names. */
public final class Callers {

    private Callers() {
    }

    public static WriteContext of(SecurityIdentity identity) {
        String caller = identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new WriteContext(CorrelationId.current(), caller);
    }
}
