package org.lifeevents.portal.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.payment.Ledger;
import org.lifeevents.portal.services.payment.PaymentClient;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The citizen's "My family's money": their own ledger, month by month. Its own class at {@code /me/ledger}: a resource
 * at {@code /} would never be reached there, since the dashboard's {@code /me} is the closer match for the path.
 */
@Path("/me/ledger")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyLedgerResource {

    @CheckedTemplate(basePath = "ledger")
    static class Templates {
        static native TemplateInstance mine(PageContext ctx, LedgerView ledger, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PaymentClient payment;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance mine() {
        String me = pages.personId();
        // A citizen reads the explanation of what they receive on their offer's page; other people's decisions they
        // may not open, so those show the decision id only.
        LedgerViews views = new LedgerViews(pages.texts(), pages.formats(), me,
                e -> me != null && me.equals(e.recipientId()) ? "/me/offers/" + e.entitlementId() : null);
        Loaded<Ledger> ledger = Loaded.from(payment::myLedger, pages.texts());
        LedgerView view = ledger.failed() ? null : views.view(ledger.value(), pages.texts().msg().mine_ledger_heading());
        return pages.render(Templates.mine(pages.context("ledger"), view, ledger.error()));
    }
}
