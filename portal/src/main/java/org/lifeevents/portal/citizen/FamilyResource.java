package org.lifeevents.portal.citizen;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.lifeevents.portal.services.eligibility.EligibilityClient;
import org.lifeevents.portal.services.eligibility.Explanation;
import org.lifeevents.portal.services.eligibility.Handover;
import org.lifeevents.portal.services.eligibility.Offer;
import org.lifeevents.portal.web.Loaded;
import org.lifeevents.portal.web.PageContext;
import org.lifeevents.portal.web.Pages;
import org.lifeevents.portal.web.Problems;
import org.lifeevents.portal.web.UserError;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The children whose monthly benefits a parent receives, and the hand-over of that role to the other parent from the
 * 1st of next month.
 */
@Path("/me")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class FamilyResource {

    private static final Set<String> PARENT_INPUTS = Set.of("mother", "father", "legalParents", "survivingParents");

    /** A child with monthly benefits: who receives them now, and the other parent who could. */
    public record Child(String childId, String name, List<String> benefits, String recipientId, boolean mine,
            String entered, UserError error) {
    }

    @CheckedTemplate(basePath = "citizen")
    static class Templates {
        static native TemplateInstance family(PageContext ctx, List<Child> children, UserError error);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    EligibilityClient eligibility;

    @GET
    @Path("/family")
    @RolesAllowed(Pages.CITIZEN)
    public TemplateInstance family(@QueryParam("done") String done) {
        Loaded<List<Offer>> offers = Loaded.from(eligibility::offers, pages.texts());
        List<Child> children = offers.failed() ? List.of() : children(offers.value(), null, null, null);
        return pages.render(Templates.family(pages.context("family", done), children, offers.error()));
    }

    @POST
    @Path("/children/{childId}/monthly-recipient")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Pages.CITIZEN)
    public Response handOver(@PathParam("childId") String childId, @FormParam("recipientId") String recipientId) {
        String recipient = recipientId == null ? "" : recipientId.replaceAll("\\s", "");
        UserError error;
        int status;
        if (recipient.isEmpty()) {
            String required = pages.texts().msg().family_recipient_required();
            error = new UserError(required, null, Map.of("recipientId", required));
            status = 400;
        } else {
            try {
                eligibility.handOver(childId, new Handover.Request(recipient));
                return Response.seeOther(URI.create("/me/family?done=handed_over")).build();
            } catch (ServiceException e) {
                error = Problems.describe(e, pages.texts());
                status = e.status() >= 500 ? 502 : e.status();
            }
        }
        List<Child> children = children(eligibility.offers(), childId, recipient, error);
        UserError pageError = children.stream().anyMatch(c -> c.error() != null) && !error.fields().isEmpty() ? null : error;
        return Response.status(status).entity(pages.render(
                Templates.family(pages.context("family"), children, pageError))).build();
    }

    /** The children with monthly benefits; the one whose hand-over was refused keeps what was entered and why. */
    List<Child> children(List<Offer> offers, String failedChild, String entered, UserError error) {
        String me = pages.personId();
        Map<String, List<Offer>> byChild = new LinkedHashMap<>();
        for (Offer offer : offers) {
            if (offer.isMonthly() && offer.beneficiaryId() != null && !offer.beneficiaryId().equals(me)
                    && !"PARENTAL_BENEFIT".equals(offer.benefit()) && !"LARGE_FAMILY_ALLOWANCE".equals(offer.benefit())
                    && ("GRANTED".equals(offer.status()) || "PENDING".equals(offer.status()))) {
                byChild.computeIfAbsent(offer.beneficiaryId(), k -> new ArrayList<>()).add(offer);
            }
        }
        List<Child> children = new ArrayList<>();
        byChild.forEach((childId, childOffers) -> {
            Offer first = childOffers.get(0);
            String recipient = first.recipientId();
            String other = otherParent(childOffers, me);
            List<String> benefits = childOffers.stream().map(o -> pages.texts().label("benefit", o.benefit()))
                    .distinct().toList();
            boolean failed = childId.equals(failedChild);
            children.add(new Child(childId, first.beneficiaryName() == null ? childId : first.beneficiaryName(),
                    benefits, recipient, me != null && me.equals(recipient), failed ? entered : other == null ? "" : other,
                    failed ? error : null));
        });
        return children;
    }

    /** The child's other legal parent, from the facts the decisions used (the birth record's mother and father). */
    static String otherParent(List<Offer> offers, String me) {
        for (Offer offer : offers) {
            if (offer.explanation() == null) {
                continue;
            }
            for (Explanation.Input input : offer.explanation().inputs()) {
                if (input.value() == null || input.name() == null || !PARENT_INPUTS.contains(input.name())) {
                    continue;
                }
                for (String candidate : input.value().split("[,\\s]+")) {
                    if (candidate.matches("\\d{11}") && !candidate.equals(me)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }
}
