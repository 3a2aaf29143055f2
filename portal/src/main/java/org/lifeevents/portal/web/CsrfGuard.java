package org.lifeevents.portal.web;

import java.net.URI;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a state-changing request that another site's page sent (cross-site request forgery): a POST must come from
 * a page of the portal itself, which browsers tell in the Origin header (or, failing that, the Referer). The session
 * cookie is SameSite=Lax as a second line. (The Quarkus CSRF extension is not available for our Quarkus line.)
 */
public class CsrfGuard {

    @ServerRequestFilter
    public void check(ContainerRequestContext context, HttpServerRequest request) {
        if (!HttpMethod.POST.equals(context.getMethod())) {
            return;
        }
        String own = request.scheme() + "://" + request.authority();
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            origin = originOf(request.getHeader("Referer"));
        }
        if (origin == null || !origin.equalsIgnoreCase(own)) {
            throw new CrossSiteRequestRefused();
        }
    }

    static String originOf(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A POST that did not come from the portal's own pages. */
    public static class CrossSiteRequestRefused extends RuntimeException {
        CrossSiteRequestRefused() {
            super("cross-site request refused", null, false, false);
        }
    }
}
