package org.lifeevents.portal.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.payment.PaymentClient;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The family ledger for caseworkers and auditors: a household's or a person's money looked up by id, each entitlement
 * linked to its decisions' explanations. The payment service decides who may read it; the portal only shows it.
 */
@Path("/ledger")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LedgerResource {

    @CheckedTemplate(basePath = "ledger")
    static class Templates {
        static native TemplateInstance family(PageContext ctx, String householdId, String personId, LedgerView ledger,
                UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PaymentClient payment;

    @GET
    @RolesAllowed({ Pages.CASEWORKER, Pages.AUDITOR })
    public Response family(@QueryParam("householdId") String householdId, @QueryParam("personId") String personId) {
        String household = householdId == null ? "" : householdId.trim();
        String person = personId == null ? "" : personId.replaceAll("\\s", "");
        PageContext ctx = pages.context("ledger");
        if (household.isEmpty() && person.isEmpty()) {
            return Response.ok(pages.render(Templates.family(ctx, household, person, null, null))).build();
        }
        // The decision log's entitlement page holds every decision of the entitlement with its explanation, each
        // under an anchor of its id.
        LedgerViews views = new LedgerViews(pages.texts(), pages.formats(), null,
                e -> "/audit/entitlements/" + e.entitlementId() + "#decision-" + e.decisionId());
        try {
            LedgerView view;
            if (!person.isEmpty()) {
                view = views.view(payment.personLedger(person), pages.texts().msg().ledger_for_person(person));
            } else {
                view = views.view(payment.householdLedger(household),
                        pages.texts().msg().ledger_for_household(household));
            }
            return Response.ok(pages.render(Templates.family(ctx, household, person, view, null))).build();
        } catch (ServiceException e) {
            // a refused person id comes back naming the field personId, shown next to it
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status())
                    .entity(pages.render(Templates.family(ctx, household, person, null, error))).build();
        } catch (ProcessingException e) {
            return Response.status(502).entity(pages.render(
                    Templates.family(ctx, household, person, null, Problems.describe(e, pages.texts())))).build();
        }
    }
}
