package org.lifeevents.portal.citizen;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
import org.lifeevents.portal.PortalConfig;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.consent.Consent;
import org.lifeevents.portal.services.consent.ConsentClient;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The citizen's consents: grant, revoke, and download the signed receipt of each. */
@Path("/me/consents")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsentResource {

    public static final String FAMILY_BENEFITS = "FAMILY_BENEFITS";
    static final List<String> CATEGORIES = List.of("TAX_INCOME", "HOUSEHOLD");

    /** A consent in words. */
    public record ConsentRow(UUID id, String purpose, String categories, String validFrom, String validUntil,
            String status, String statusCode, boolean revocable, boolean revoked, String grantedAt, String revokedAt) {
    }

    /** One choice of data category in the grant form. */
    public record CategoryChoice(String code, String label, String hint) {
    }

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance consents(PageContext ctx, List<ConsentRow> consents, UserError loadError,
                List<CategoryChoice> categories, UserError error, String validUntil);
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
    public TemplateInstance list(@QueryParam("done") String done) {
        return page(done, null, "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CITIZEN)
    public Response grant(@FormParam("category") List<String> categories, @FormParam("validUntil") String validUntil,
            @FormParam("back") String back) {
        String until = validUntil == null ? "" : validUntil.trim();
        Instant untilInstant = null;
        if (!until.isEmpty()) {
            try {
                untilInstant = LocalDate.parse(until).plusDays(1).atStartOfDay(ZoneId.of(config.timeZone())).toInstant();
            } catch (DateTimeParseException e) {
                String words = pages.texts().msg().field_wrong_format();
                return Response.status(400).entity(page(null, new UserError(words, null, Map.of("validUntil", words)), until))
                        .build();
            }
        }
        List<String> chosen = categories == null ? List.of()
                : categories.stream().filter(c -> c != null && CATEGORIES.contains(c)).toList();
        if (chosen.isEmpty()) {
            String words = pages.texts().msg().consent_category_required();
            return Response.status(400).entity(page(null, new UserError(words, null, Map.of("category", words)), until))
                    .build();
        }
        try {
            consents.grant(new Consent.Request(FAMILY_BENEFITS, chosen, null, untilInstant));
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status()).entity(page(null, error, until)).build();
        }
        String target = "/me".equals(back) ? "/me?done=consent_granted" : "/me/consents?done=consent_granted";
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Path("/{consentId}/revoke")
    @RolesAllowed(Pages.CITIZEN)
    public Response revoke(@PathParam("consentId") UUID consentId) {
        try {
            consents.revoke(consentId);
            return Response.seeOther(URI.create("/me/consents?done=consent_revoked")).build();
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status()).entity(page(null, error, "")).build();
        }
    }

    /** The signed receipt exactly as the consent service issued it (a compact JWS), as a file to keep. */
    @GET
    @Path("/{consentId}/receipt")
    @Produces(ConsentClient.JOSE)
    @RolesAllowed(Pages.CITIZEN)
    public Response receipt(@PathParam("consentId") UUID consentId, @QueryParam("kind") String kind) {
        String wanted = "REVOCATION".equals(kind) ? "REVOCATION" : "GRANT";
        String jws = consents.signedReceipt(consentId, wanted);
        return Response.ok(jws, ConsentClient.JOSE)
                .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + consentId + "-"
                        + wanted.toLowerCase(java.util.Locale.ROOT) + ".jws\"")
                .build();
    }

    private TemplateInstance page(String done, UserError error, String validUntil) {
        Loaded<List<Consent>> mine = Loaded.from(consents::consents, pages.texts());
        List<ConsentRow> rows = mine.failed() ? List.of() : mine.value().stream().map(this::row).toList();
        List<CategoryChoice> categories = CATEGORIES.stream().map(c -> new CategoryChoice(c,
                pages.texts().label("category", c), pages.texts().label("category_hint", c))).toList();
        return pages.render(Templates.consents(pages.context("consents", done), rows, mine.error(), categories, error,
                validUntil));
    }

    private ConsentRow row(Consent c) {
        String categories = String.join(", ",
                c.dataCategories().stream().map(d -> pages.texts().label("category", d)).toList());
        String until = c.validUntil() == null ? pages.texts().msg().consents_until_revoked()
                : pages.formats().date(c.validUntil());
        return new ConsentRow(c.consentId(), pages.texts().label("purpose", c.purpose()), categories,
                pages.formats().date(c.validFrom()), until, pages.texts().label("consent_status", c.status()), c.status(),
                c.inForceOrScheduled(), c.revokedAt() != null, pages.formats().dateTime(c.grantedAt()),
                pages.formats().dateTime(c.revokedAt()));
    }
}
