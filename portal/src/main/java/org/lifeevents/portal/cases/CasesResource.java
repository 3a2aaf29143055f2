package org.lifeevents.portal.cases;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.lifeevents.portal.citizen.OfferCard;
import org.lifeevents.portal.citizen.OfferCards;
import org.lifeevents.portal.services.ServiceException;
import org.lifeevents.portal.services.eligibility.CaseDetail;
import org.lifeevents.portal.services.eligibility.CaseSummary;
import org.lifeevents.portal.services.eligibility.EligibilityClient;
import org.lifeevents.portal.services.eligibility.Explanation;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caseworkers' queue and cases: filter, open a case with its explanation and inputs, take it, approve, reject or
 * override with a written reason, and the second caseworker's approval of a large override. Auditors read the same
 * pages without the forms.
 */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CasesResource {

    static final List<String> STATUSES = List.of("OPEN", "ASSIGNED", "AWAITING_SECOND_APPROVAL", "RESOLVED");
    static final List<String> TYPES = List.of("UNKNOWN_PERSON", "HOUSEHOLD_CONFLICT", "NO_PAYOUT_ACCOUNT",
            "INCOME_MISSING", "PAYMENT_REJECTED", "DEATH_CHECK", "MINORS_WITHOUT_PARENT", "MONEY_ALREADY_PAID",
            "CITIZEN_DISAGREES", "PENDING_TIMEOUT", "UNDECIDABLE");

    /** A choice of a filter's select. */
    public record Option(String code, String label, boolean selected) {
    }

    /** The queue's filters as the caseworker set them. */
    public record Filter(List<Option> statuses, List<Option> types, String assignee, String minAgeDays,
            String query) {
    }

    /** One row of the queue. */
    public record Row(String id, String type, String status, String subject, String summary, String opened,
            Long ageDays, String assignee) {
    }

    /** A page of the queue. */
    public record Queue(List<Row> rows, long total, int page, boolean hasPrevious, boolean hasNext) {

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

    /** What a decision form held when it was refused, and why; the other forms stay empty. */
    @TemplateData
    public record Entered(String form, String reason, String amount, UserError error) {

        Entered(String form, String reason, String amount) {
            this(form, reason, amount, null);
        }

        Entered with(UserError refusal) {
            return new Entered(form, reason, amount, refusal);
        }

        public String reasonFor(String name) {
            return form.equals(name) ? reason : "";
        }

        public String reasonError(String name) {
            return form.equals(name) && error != null ? error.field("reason") : null;
        }

        public String amountValue() {
            return "override".equals(form) ? amount : "";
        }

        public String amountError() {
            return "override".equals(form) && error != null ? error.field("amountCents") : null;
        }
    }

    @CheckedTemplate(basePath = "cases")
    static class Templates {
        static native TemplateInstance queue(PageContext ctx, Filter filter, Queue queue, UserError error);

        static native TemplateInstance detail(PageContext ctx, CaseView item, boolean canAct, String threshold,
                Entered entered, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    PortalConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    EligibilityClient eligibility;

    @GET
    @RolesAllowed({ Pages.CASEWORKER, Pages.AUDITOR })
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("assignee") String assignee, @QueryParam("minAgeDays") String minAgeDays,
            @QueryParam("page") @DefaultValue("0") int page) {
        String wantedStatus = status != null && STATUSES.contains(status) ? status : null;
        String wantedType = type != null && TYPES.contains(type) ? type : null;
        String wantedAssignee = assignee == null || assignee.isBlank() ? null : assignee.trim();
        Integer minAge = minAgeDays != null && minAgeDays.trim().matches("\\d{1,4}") ? Integer.valueOf(minAgeDays.trim())
                : null;
        int wantedPage = Math.max(0, page);
        Loaded<CaseSummary.Page> loaded = Loaded.from(() -> eligibility.cases(wantedStatus, wantedType, wantedAssignee,
                minAge, wantedPage, config.pageSize()), pages.texts());
        Filter filter = new Filter(options("case_status", STATUSES, wantedStatus), options("case_type", TYPES, wantedType),
                wantedAssignee == null ? "" : wantedAssignee, minAge == null ? "" : String.valueOf(minAge),
                query(wantedStatus, wantedType, wantedAssignee, minAge));
        Queue queue = loaded.failed() ? new Queue(List.of(), 0, 0, false, false) : queue(loaded.value());
        return pages.render(Templates.queue(pages.context("cases"), filter, queue, loaded.error()));
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({ Pages.CASEWORKER, Pages.AUDITOR })
    public TemplateInstance detail(@PathParam("caseId") String caseId, @QueryParam("done") String done) {
        return detailPage(caseId, done, null, null);
    }

    @POST
    @Path("/{caseId}/assign")
    @RolesAllowed(Pages.CASEWORKER)
    public Response take(@PathParam("caseId") String caseId) {
        return act(caseId, new Entered("assign", "", ""), () -> eligibility.assign(caseId, new CaseDetail.Assign(null)),
                "case_assigned");
    }

    @POST
    @Path("/{caseId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CASEWORKER)
    public Response approve(@PathParam("caseId") String caseId, @FormParam("reason") String reason) {
        Entered entered = new Entered("approve", text(reason), "");
        return requireReason(caseId, entered)
                .orElseGet(() -> act(caseId, entered,
                        () -> eligibility.approve(caseId, new CaseDetail.Reason(entered.reason())), "case_approved"));
    }

    @POST
    @Path("/{caseId}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CASEWORKER)
    public Response reject(@PathParam("caseId") String caseId, @FormParam("reason") String reason) {
        Entered entered = new Entered("reject", text(reason), "");
        return requireReason(caseId, entered)
                .orElseGet(() -> act(caseId, entered,
                        () -> eligibility.reject(caseId, new CaseDetail.Reason(entered.reason())), "case_rejected"));
    }

    @POST
    @Path("/{caseId}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CASEWORKER)
    public Response override(@PathParam("caseId") String caseId, @FormParam("reason") String reason,
            @FormParam("amount") String amount) {
        Entered entered = new Entered("override", text(reason), text(amount));
        Optional<Long> cents = Amounts.parseEuros(entered.amount());
        if (cents.isEmpty()) {
            String words = pages.texts().msg().field_amount_format();
            return refused(caseId, entered, new UserError(words, null, Map.of("amountCents", words)));
        }
        return requireReason(caseId, entered).orElseGet(() -> act(caseId, entered,
                () -> eligibility.override(caseId, new CaseDetail.Override(entered.reason(), cents.get())),
                cents.get() > config.fourEyesThresholdCents() ? "case_override_waiting" : "case_overridden"));
    }

    @POST
    @Path("/{caseId}/second-approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CASEWORKER)
    public Response secondApproval(@PathParam("caseId") String caseId, @FormParam("reason") String reason) {
        Entered entered = new Entered("second", text(reason), "");
        return requireReason(caseId, entered).orElseGet(() -> act(caseId, entered,
                () -> eligibility.secondApproval(caseId, new CaseDetail.Reason(entered.reason())),
                "case_second_approved"));
    }

    private Optional<Response> requireReason(String caseId, Entered entered) {
        if (!entered.reason().isBlank()) {
            return Optional.empty();
        }
        String words = pages.texts().msg().case_reason_required();
        return Optional.of(refused(caseId, entered, new UserError(words, null, Map.of("reason", words))));
    }

    private Response act(String caseId, Entered entered, Runnable call, String done) {
        try {
            call.run();
            return Response.seeOther(URI.create("/cases/" + encode(caseId) + "?done=" + done)).build();
        } catch (ServiceException e) {
            UserError error = Problems.describe(e, pages.texts());
            return Response.status(e.status() >= 500 ? 502 : e.status()).entity(detailPage(caseId, null, entered, error))
                    .build();
        }
    }

    private Response refused(String caseId, Entered entered, UserError error) {
        return Response.status(400).entity(detailPage(caseId, null, entered, error)).build();
    }

    private TemplateInstance detailPage(String caseId, String done, Entered entered, UserError error) {
        CaseView view = view(eligibility.caseDetail(caseId));
        return pages.render(Templates.detail(pages.context("cases", done), view,
                identity.hasRole(Pages.CASEWORKER) && !view.resolved(),
                pages.formats().money(config.fourEyesThresholdCents()),
                entered == null ? new Entered("", "", "") : entered.with(error), error));
    }

    CaseView view(CaseDetail c) {
        OfferCards cards = new OfferCards(pages.texts(), pages.formats());
        List<OfferCard.Fact> facts = new ArrayList<>();
        c.inputs().forEach(i -> facts.add(cards.fact(i)));
        Explanation why = c.explanation();
        List<OfferCard.ParameterLine> parameters = List.of();
        List<String> arithmetic = List.of();
        String citizenText = null;
        String legalReference = null;
        if (why != null) {
            if (c.inputs().isEmpty()) {
                why.inputs().forEach(i -> facts.add(cards.fact(i)));
            }
            OfferCard explained = cards.card(new org.lifeevents.portal.services.eligibility.Offer(null, why.benefit(),
                    why.outcome(), null, null, null, null, null, false, null, null, null, null, null, false, null,
                    why.legalReference(), why.citizenText(), why));
            parameters = explained.parameters();
            arithmetic = explained.arithmetic();
            citizenText = why.citizenText();
            legalReference = why.legalReference();
        }
        List<CaseView.ActionRow> actions = c.actions().stream().map(a -> new CaseView.ActionRow(
                pages.formats().dateTime(a.at()), a.actor(), pages.texts().label("case_action", a.action()), a.reason(),
                pages.formats().money(a.amountCents()))).toList();
        return new CaseView(c.caseId(), pages.texts().label("case_type", c.caseType()),
                pages.texts().label("case_status", c.status()), c.status(), c.subjectPersonId(), c.householdId(),
                c.entitlementId(), c.summary(), pages.formats().dateTime(c.openedAt()), c.ageDays(), c.assignee(), facts,
                parameters, arithmetic, citizenText, legalReference, actions);
    }

    private Queue queue(CaseSummary.Page page) {
        List<Row> rows = page.items().stream().map(c -> new Row(c.caseId(), pages.texts().label("case_type", c.caseType()),
                pages.texts().label("case_status", c.status()), c.subjectPersonId(), c.summary(),
                pages.formats().date(c.openedAt()), c.ageDays(), c.assignee())).toList();
        long shown = (long) (page.page() + 1) * Math.max(1, page.size());
        return new Queue(rows, page.total(), page.page(), page.page() > 0, shown < page.total());
    }

    private List<Option> options(String prefix, List<String> codes, String selected) {
        return codes.stream().map(c -> new Option(c, pages.texts().label(prefix, c), c.equals(selected))).toList();
    }

    private static String query(String status, String type, String assignee, Integer minAge) {
        StringBuilder q = new StringBuilder();
        if (status != null) {
            q.append("&status=").append(encode(status));
        }
        if (type != null) {
            q.append("&type=").append(encode(type));
        }
        if (assignee != null) {
            q.append("&assignee=").append(encode(assignee));
        }
        if (minAge != null) {
            q.append("&minAgeDays=").append(minAge);
        }
        return q.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
