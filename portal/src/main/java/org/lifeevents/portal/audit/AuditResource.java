package org.lifeevents.portal.audit;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifeevents.portal.PortalConfig;
import org.lifeevents.portal.citizen.OfferCard;
import org.lifeevents.portal.citizen.OfferCards;
import org.lifeevents.portal.services.consent.ChainVerification;
import org.lifeevents.portal.services.consent.ConsentClient;
import org.lifeevents.portal.services.eligibility.Decision;
import org.lifeevents.portal.services.eligibility.EligibilityClient;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Read-only views for auditors: the verification of the data tracker's hash chains, the decision log with every
 * explanation, and one entitlement's decision history with the state of its hash chain. Nothing here changes anything.
 */
@Path("/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    /** A choice of the benefit filter. */
    public record Choice(String code, String label, boolean selected) {
    }

    /** The chain verification in words. */
    public record VerificationView(boolean valid, String verifiedAt, String subject, long chainsChecked,
            long entriesChecked, long brokenChains, String brokenSubject, Long brokenSequence, String brokenProblem,
            String brokenDetail) {
    }

    /** One decision in words, with its "why". */
    public record DecisionRow(String id, String entitlementId, String benefit, String outcome, String recipient,
            String decidedAt, String ruleVersion, String parameterVersion, String legalReference, String citizenText,
            String hash, List<OfferCard.Fact> facts, List<String> arithmetic) {
    }

    /** A page of decisions. */
    public record DecisionList(List<DecisionRow> rows, long total, int page, boolean hasPrevious, boolean hasNext,
            String query) {

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

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance overview(PageContext ctx, VerificationView verification, UserError error,
                String subject);

        static native TemplateInstance decisions(PageContext ctx, String personId, List<Choice> benefits,
                DecisionList decisions, UserError error);

        static native TemplateInstance history(PageContext ctx, String entitlementId, boolean chainIntact,
                List<DecisionRow> decisions);
    }

    static final List<String> BENEFITS = List.of("BIRTH_GRANT", "CHILD_ALLOWANCE", "LARGE_FAMILY_ALLOWANCE",
            "SINGLE_PARENT_ALLOWANCE", "PARENTAL_BENEFIT", "FUNERAL_GRANT", "SURVIVOR_CHILD_ALLOWANCE");

    @Inject
    Pages pages;

    @Inject
    PortalConfig config;

    @Inject
    @RestClient
    ConsentClient consent;

    @Inject
    @RestClient
    EligibilityClient eligibility;

    /** The auditor's start page; the chains are verified when asked ({@code verify=true}): it reads every entry. */
    @GET
    @RolesAllowed(Pages.AUDITOR)
    public TemplateInstance overview(@QueryParam("verify") boolean verify, @QueryParam("subject") String subject) {
        String wantedSubject = subject == null || subject.isBlank() ? null : subject.trim();
        VerificationView view = null;
        UserError error = null;
        if (verify) {
            Loaded<ChainVerification> result = Loaded.from(() -> consent.verification(wantedSubject), pages.texts());
            error = result.error();
            view = result.failed() ? null : view(result.value());
        }
        return pages.render(Templates.overview(pages.context("audit"), view, error,
                wantedSubject == null ? "" : wantedSubject));
    }

    @GET
    @Path("/decisions")
    @RolesAllowed({ Pages.AUDITOR, Pages.CASEWORKER })
    public TemplateInstance decisions(@QueryParam("personId") String personId, @QueryParam("benefit") String benefit,
            @QueryParam("page") @DefaultValue("0") int page) {
        String person = personId == null || personId.isBlank() ? null : personId.trim();
        String wantedBenefit = benefit != null && BENEFITS.contains(benefit) ? benefit : null;
        int wantedPage = Math.max(0, page);
        Loaded<Decision.Page> loaded = Loaded.from(
                () -> eligibility.decisions(person, wantedBenefit, wantedPage, config.pageSize()), pages.texts());
        StringBuilder query = new StringBuilder();
        if (person != null) {
            query.append("&personId=").append(java.net.URLEncoder.encode(person, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (wantedBenefit != null) {
            query.append("&benefit=").append(wantedBenefit);
        }
        DecisionList list;
        if (loaded.failed()) {
            list = new DecisionList(List.of(), 0, 0, false, false, query.toString());
        } else {
            Decision.Page p = loaded.value();
            long shown = (long) (p.page() + 1) * Math.max(1, p.size());
            list = new DecisionList(p.items().stream().map(this::row).toList(), p.total(), p.page(), p.page() > 0,
                    shown < p.total(), query.toString());
        }
        List<Choice> choices = BENEFITS.stream()
                .map(b -> new Choice(b, pages.texts().label("benefit", b), b.equals(wantedBenefit))).toList();
        return pages.render(Templates.decisions(pages.context("decisions"), person == null ? "" : person, choices, list,
                loaded.error()));
    }

    @GET
    @Path("/entitlements/{entitlementId}")
    @RolesAllowed({ Pages.AUDITOR, Pages.CASEWORKER })
    public TemplateInstance history(@PathParam("entitlementId") UUID entitlementId) {
        Decision.History history = eligibility.history(entitlementId);
        return pages.render(Templates.history(pages.context("decisions"), entitlementId.toString(),
                history.chainIntact(), history.decisions().stream().map(this::row).toList()));
    }

    private DecisionRow row(Decision d) {
        OfferCards cards = new OfferCards(pages.texts(), pages.formats());
        List<OfferCard.Fact> facts = d.explanation() == null ? List.of()
                : d.explanation().inputs().stream().map(cards::fact).toList();
        List<String> arithmetic = d.explanation() == null ? List.of() : d.explanation().arithmetic();
        String citizenText = d.citizenText() != null ? d.citizenText()
                : d.explanation() == null ? null : d.explanation().citizenText();
        return new DecisionRow(String.valueOf(d.decisionId()), String.valueOf(d.entitlementId()),
                pages.texts().label("benefit", d.benefit()), pages.texts().label("status", d.outcome()), d.recipientId(),
                pages.formats().dateTime(d.decidedAt()), d.ruleVersion(), d.parameterVersion(), d.legalReference(),
                citizenText, d.hash(), facts, arithmetic);
    }

    private VerificationView view(ChainVerification v) {
        ChainVerification.BrokenEntry broken = v.firstBroken();
        return new VerificationView(v.valid(), pages.formats().dateTime(v.verifiedAt()), v.subjectPersonId(),
                v.chainsChecked(), v.entriesChecked(), v.brokenChains(),
                broken == null ? null : broken.subjectPersonId(), broken == null ? null : broken.sequence(),
                broken == null ? null : pages.texts().label("chain_problem", broken.problem()),
                broken == null ? null : broken.detail());
    }
}
