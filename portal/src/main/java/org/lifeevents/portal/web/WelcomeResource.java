package org.lifeevents.portal.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The public welcome page, and {@code /home}: sign in, then go to the start page of one's role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WelcomeResource {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance welcome(PageContext ctx);
    }

    @Inject
    Pages pages;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance welcome() {
        return pages.render(Templates.welcome(pages.context("welcome")));
    }

    @GET
    @Path("home")
    @Authenticated
    public Response home() {
        String start = identity.hasRole(Pages.CITIZEN) ? "/me"
                : identity.hasRole(Pages.CASEWORKER) ? "/cases"
                        : identity.hasRole(Pages.AUDITOR) ? "/audit" : "/";
        return Response.seeOther(URI.create(start)).build();
    }
}
