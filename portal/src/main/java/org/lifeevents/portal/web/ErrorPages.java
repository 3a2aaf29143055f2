package org.lifeevents.portal.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lifeevents.portal.services.ServiceException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * Every failure a page does not handle itself becomes a page in the reader's language that says what happened and
 * what to do, with the service's correlation id to quote; never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(PageContext ctx, String title, UserError error);
    }

    @Inject
    Pages pages;

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        LOG.infof("%s", e.getMessage());
        int status = e.status() == 403 || e.status() == 404 || e.status() == 409 ? e.status() : 502;
        return page(status, pages.texts().msg().error_title_service(), Problems.describe(e, pages.texts()));
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service could not be reached: %s", e.getMessage());
        return page(503, pages.texts().msg().error_title_service(),
                UserError.of(pages.texts().msg().problem_unreachable()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, pages.texts().msg().error_title_forbidden(),
                UserError.of(pages.texts().msg().problem_status_403()));
    }

    @ServerExceptionMapper
    public Response crossSite(CsrfGuard.CrossSiteRequestRefused e) {
        return page(403, pages.texts().msg().error_title_forbidden(),
                UserError.of(pages.texts().msg().problem_cross_site()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, pages.texts().msg().error_title_not_found(),
                UserError.of(pages.texts().msg().problem_status_404()));
    }

    private Response page(int status, String title, UserError error) {
        TemplateInstance page = pages.render(Templates.error(pages.context("error"), title, error));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
