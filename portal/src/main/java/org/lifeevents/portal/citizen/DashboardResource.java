package org.lifeevents.portal.citizen;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.eligibility.Disagreement;
import org.lifeevents.portal.services.eligibility.EligibilityClient;
import org.lifeevents.portal.services.eligibility.Offer;
import org.lifeevents.portal.services.payment.Payment;
import org.lifeevents.portal.services.payment.PaymentClient;
import org.lifeevents.portal.services.payment.PayoutAccount;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The parent's dashboard: offers and automatic grants with the "why", one-click confirmation (for the parental benefit:
 * "I take it"), what is missing with the action that fixes it, and "I disagree" with a reason.
 */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance dashboard(PageContext ctx, Dashboard view);

        static native TemplateInstance offer(PageContext ctx, OfferCard card, String reason, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    EligibilityClient eligibility;

    @Inject
    @RestClient
    PaymentClient payment;

    @GET
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance dashboard(@QueryParam("done") String done) {
        return pages.render(Templates.dashboard(pages.context("dashboard", done), load(null)));
    }

    @POST
    @Path("/offers/{entitlementId}/confirm")
    @RolesAllowed(Pages.CITIZEN)
    public Response confirm(@PathParam("entitlementId") UUID entitlementId) {
        try {
            eligibility.confirm(entitlementId);
            return Response.seeOther(URI.create("/me?done=confirmed")).build();
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status())
                    .entity(pages.render(Templates.dashboard(pages.context("dashboard"), load(error)))).build();
        }
    }

    @GET
    @Path("/offers/{entitlementId}")
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance offer(@PathParam("entitlementId") UUID entitlementId, @QueryParam("done") String done) {
        return pages.render(Templates.offer(pages.context("dashboard", done), card(entitlementId), "", null));
    }

    @POST
    @Path("/offers/{entitlementId}/disagree")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CITIZEN)
    public Response disagree(@PathParam("entitlementId") UUID entitlementId, @FormParam("reason") String reason) {
        OfferCard card = card(entitlementId);
        UserError error;
        int status;
        if (reason == null || reason.isBlank()) {
            error = new UserError(pages.texts().msg().disagree_reason_required(), null,
                    Map.of("reason", pages.texts().msg().disagree_reason_required()));
            status = 400;
        } else {
            try {
                eligibility.disagree(new Disagreement.Request(entitlementId, reason.trim()));
                return Response.seeOther(URI.create("/me/offers/" + entitlementId + "?done=disagreement_sent")).build();
            } catch (ServiceException e) {
                error = Problems.describe(e, pages.texts());
                status = e.status() >= 500 ? 502 : e.status();
            }
        }
        return Response.status(status)
                .entity(pages.render(Templates.offer(pages.context("dashboard"), card, reason == null ? "" : reason, error)))
                .build();
    }

    /** One of the person's own offers; anybody else's is "not found", whatever its id. */
    private OfferCard card(UUID entitlementId) {
        OfferCards cards = new OfferCards(pages.texts(), pages.formats());
        return eligibility.offers().stream().filter(o -> entitlementId.equals(o.entitlementId())).findFirst()
                .map(cards::card).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    private Dashboard load(UserError actionError) {
        OfferCards cards = new OfferCards(pages.texts(), pages.formats());
        Loaded<List<Offer>> offers = Loaded.from(eligibility::offers, pages.texts());
        List<OfferCard> toConfirm = new ArrayList<>();
        List<OfferCard> granted = new ArrayList<>();
        List<OfferCard> waiting = new ArrayList<>();
        List<OfferCard> closed = new ArrayList<>();
        boolean consentMissing = false;
        boolean accountMissingForOffer = false;
        if (!offers.failed()) {
            for (Offer offer : offers.value()) {
                OfferCard card = cards.card(offer);
                switch (offer.status() == null ? "" : offer.status()) {
                    case "OFFERED" -> toConfirm.add(card);
                    case "GRANTED" -> granted.add(card);
                    case "PENDING" -> waiting.add(card);
                    default -> closed.add(card);
                }
                consentMissing |= offer.missing().stream()
                        .anyMatch(m -> OfferCards.MISSING_CONSENT_TAX_INCOME.equals(m.code()));
                accountMissingForOffer |= offer.missing().stream()
                        .anyMatch(m -> OfferCards.MISSING_PAYOUT_ACCOUNT.equals(m.code()));
            }
        }
        boolean accountMissing = accountMissingForOffer;
        String account = null;
        UserError accountError = null;
        try {
            PayoutAccount known = payment.payoutAccount();
            account = known.iban();
        } catch (ServiceException e) {
            if (e.status() == 404) {
                accountMissing = true;
            } else {
                accountError = Problems.describe(e, pages.texts());
            }
        } catch (jakarta.ws.rs.ProcessingException e) {
            accountError = Problems.describe(e, pages.texts());
        }
        Loaded<List<Payment>> payments = Loaded.from(payment::payments, pages.texts());
        List<PaymentRow> rows = payments.failed() ? List.of()
                : payments.value().stream().limit(5).map(p -> PaymentRows.row(p, pages.texts(), pages.formats()))
                        .toList();
        return new Dashboard(toConfirm, granted, waiting, closed, offers.error(), accountMissing && account == null,
                account, accountError, consentMissing, rows, payments.error(), actionError);
    }
}
