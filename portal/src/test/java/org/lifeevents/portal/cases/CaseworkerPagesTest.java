package org.lifeevents.portal.cases;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lifeevents.portal.PortalSession;
import org.lifeevents.portal.ServiceStub;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker's queue and case pages against the caseworker contract: filters passed on, the explanation with its
 * sources, decisions only with a written reason, amounts in cents, the four-eyes refusal in words, and an auditor who
 * can read but not act.
 */
@QuarkusTest
class CaseworkerPagesTest {

    @TestHTTPResource("/")
    URI portal;

    @Test
    void theQueueIsFilteredAndACaseShowsItsExplanationWithSources() {
        PortalSession carl = new PortalSession(portal);
        HttpResponse<String> queue = carl.signIn("carl", "/cases?type=NO_PAYOUT_ACCOUNT&status=OPEN&minAgeDays=2");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("No payout account after 30 days", "49008010156",
                "href=\"/cases/" + ServiceStub.CASE_ID + "\"");
        assertThat(ServiceStub.of("carl")).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/cases");
            assertThat(r.query()).contains("type=NO_PAYOUT_ACCOUNT", "status=OPEN", "minAgeDays=2");
        });

        HttpResponse<String> detail = carl.get("/cases/" + ServiceStub.CASE_ID);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("<h1>No payout account after 30 days</h1>",
                "from the civil registry (birth registration B-9), 2 March 2026", "1 child x 320.00 EUR = 320.00 EUR",
                "<label for=\"approve-reason\">");
    }

    @Test
    void aDecisionNeedsAWrittenReasonAndAnOverrideIsSentInCents() {
        PortalSession carl = new PortalSession(portal);
        carl.signIn("carl", "/cases/" + ServiceStub.CASE_ID);
        HttpResponse<String> noReason = carl.post("/cases/" + ServiceStub.CASE_ID + "/approve", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"approve-reason-error\">Write the reason for your decision.");
        assertThat(ServiceStub.of("carl")).noneMatch(r -> r.path().endsWith("/approve"));

        HttpResponse<String> approved = carl.post("/cases/" + ServiceStub.CASE_ID + "/approve",
                Map.of("reason", "The mother gave her account by phone."));
        assertThat(approved.uri().toString()).endsWith("/cases/" + ServiceStub.CASE_ID + "?done=case_approved");
        assertThat(ServiceStub.of("carl")).anySatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /cases/" + ServiceStub.CASE_ID + "/approve");
            assertThat(r.body()).contains("The mother gave her account by phone.");
        });

        HttpResponse<String> overridden = carl.post("/cases/" + ServiceStub.CASE_ID + "/override",
                Map.of("reason", "Triplets: the higher grant applies.", "amount", "1 250,50"));
        assertThat(overridden.uri().toString()).endsWith("?done=case_override_waiting");
        assertThat(ServiceStub.of("carl")).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/cases/" + ServiceStub.CASE_ID + "/override");
            assertThat(r.body()).contains("\"amountCents\":125050");
        });
    }

    @Test
    void theSameCaseworkerCannotGiveTheSecondApprovalAndIsToldWhy() {
        PortalSession carl = new PortalSession(portal);
        carl.signIn("carl", "/cases/" + ServiceStub.OVERRIDDEN_CASE_ID);
        HttpResponse<String> refused = carl.post("/cases/" + ServiceStub.OVERRIDDEN_CASE_ID + "/second-approval",
                Map.of("reason", "Checked."));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(
                "A second approval must come from a different caseworker than the one who overrode the amount.");
    }

    @Test
    void anAuditorReadsTheCaseButCannotAct() {
        PortalSession aino = new PortalSession(portal);
        HttpResponse<String> detail = aino.signIn("aino", "/cases/" + ServiceStub.CASE_ID);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("No payout account after 30 days").doesNotContain("/approve\"",
                "/override\"");
        assertThat(aino.post("/cases/" + ServiceStub.CASE_ID + "/approve", Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(ServiceStub.of("aino")).noneMatch(r -> r.method().equals("POST"));
    }
}
