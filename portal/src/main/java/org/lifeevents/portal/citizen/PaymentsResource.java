package org.lifeevents.portal.citizen;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.payment.Payment;
import org.lifeevents.portal.services.payment.PaymentClient;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The citizen's payments with their bank reference (the EndToEndId the bank shows on the statement). */
@Path("/me/payments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PaymentsResource {

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance payments(PageContext ctx, List<PaymentRow> payments, boolean waitingForAccount,
                UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PaymentClient payment;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance payments() {
        Loaded<List<Payment>> mine = Loaded.from(payment::payments, pages.texts());
        List<PaymentRow> rows = mine.failed() ? List.of()
                : mine.value().stream().map(p -> PaymentRows.row(p, pages.texts(), pages.formats())).toList();
        boolean waiting = !mine.failed() && mine.value().stream().anyMatch(p -> "PAYOUT_ACCOUNT".equals(p.waitingFor()));
        return pages.render(Templates.payments(pages.context("payments"), rows, waiting, mine.error()));
    }
}
