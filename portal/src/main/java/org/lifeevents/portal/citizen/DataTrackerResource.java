package org.lifeevents.portal.citizen;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.PortalConfig;
import org.lifeevents.portal.services.consent.ConsentClient;
import org.lifeevents.portal.services.consent.DataAccess;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The data tracker: who used which of the citizen's data, when, why, and under which consent. */
@Path("/me/data-access")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DataTrackerResource {

    /** One use in words. */
    public record UseRow(String when, String who, String what, String why, String details, String basis,
            Boolean covered) {
    }

    /** A page of uses and where the other pages are. */
    public record UsePage(List<UseRow> rows, int page, int totalPages, boolean hasPrevious, boolean hasNext) {

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }

        /** The page number as people count: from 1. */
        public int shownPage() {
            return page + 1;
        }
    }

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance tracker(PageContext ctx, UsePage uses, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    PortalConfig config;

    @Inject
    @RestClient
    ConsentClient consents;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance tracker(@QueryParam("page") @DefaultValue("0") int page) {
        int wanted = Math.max(0, page);
        Loaded<DataAccess.Page> loaded = Loaded.from(() -> consents.dataAccess(wanted, config.pageSize()),
                pages.texts());
        UsePage uses = loaded.failed() ? new UsePage(List.of(), 0, 0, false, false) : view(loaded.value());
        return pages.render(Templates.tracker(pages.context("tracker"), uses, loaded.error()));
    }

    private UsePage view(DataAccess.Page page) {
        List<UseRow> rows = page.items().stream().map(a -> new UseRow(pages.formats().dateTime(a.accessedAt()),
                pages.texts().label("service", a.accessorService()), pages.texts().label("category", a.dataCategory()),
                pages.texts().label("purpose", a.purpose()), a.details(), pages.texts().label("basis", a.legalBasis()),
                a.coveredByConsent())).toList();
        return new UsePage(rows, page.page(), page.totalPages(), page.page() > 0, page.page() + 1 < page.totalPages());
    }
}
