package org.lifeevents.portal.citizen;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.payment.PaymentClient;
import org.lifeevents.portal.services.payment.PayoutAccount;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Where the citizen's benefits are paid: show it, set or change it. The payment service validates the IBAN; its
 * field errors are shown next to the field.
 */
@Path("/me/payout-account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PayoutAccountResource {

    /** The account in words, or null fields when none is known. */
    public record AccountView(String iban, String source, String since) {
    }

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance account(PageContext ctx, AccountView account, boolean missing,
                UserError loadError, String entered, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PaymentClient payment;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance show(@QueryParam("done") String done) {
        return page(done, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CITIZEN)
    public Response set(@FormParam("iban") String iban) {
        String entered = iban == null ? "" : iban.trim();
        try {
            payment.setPayoutAccount(new PayoutAccount.Request(entered));
            return Response.seeOther(URI.create("/me/payout-account?done=account_saved")).build();
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status()).entity(page(null, entered, error)).build();
        }
    }

    private TemplateInstance page(String done, String entered, UserError error) {
        AccountView account = null;
        boolean missing = false;
        UserError loadError = null;
        try {
            PayoutAccount known = payment.payoutAccount();
            account = new AccountView(known.iban(), pages.texts().label("account_source", known.source()),
                    pages.formats().date(known.since()));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                missing = true;
            } else {
                loadError = Problems.describe(e, pages.texts());
            }
        } catch (jakarta.ws.rs.ProcessingException e) {
            loadError = Problems.describe(e, pages.texts());
        }
        return pages.render(Templates.account(pages.context("account", done), account, missing, loadError, entered, error));
    }
}
