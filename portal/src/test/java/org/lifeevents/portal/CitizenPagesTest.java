package org.lifeevents.portal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parent's pages besides the dashboard, each signed in through Keycloak: consents (grant, revoke, the signed
 * receipt as a file), payments with their bank reference, the data tracker, "I disagree" and the hand-over of the
 * monthly recipient role. Each checks what the page shows and what the portal asked the service, with whose token.
 */
@QuarkusTest
class CitizenPagesTest {

    @TestHTTPResource("/")
    URI portal;

    @Test
    void aParentGrantsAConsentDownloadsItsSignedReceiptAndRevokesIt() {
        PortalSession mart = new PortalSession(portal);
        HttpResponse<String> page = mart.signIn("mart", "/me/consents");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Family benefits", "Taxable income", "until revoked",
                "<label for=\"category-TAX_INCOME\">", "action=\"/me/consents/" + ServiceStub.CONSENT_ID + "/revoke\"");

        HttpResponse<String> granted = mart.post("/me/consents", Map.of("category", "TAX_INCOME"));
        assertThat(granted.uri().toString()).endsWith("/me/consents?done=consent_granted");
        assertThat(granted.body()).contains("Your consent is recorded.");
        assertThat(ServiceStub.of("mart")).anySatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /me/consents");
            assertThat(r.body()).contains("\"purpose\":\"FAMILY_BENEFITS\"", "\"dataCategories\":[\"TAX_INCOME\"]");
        });

        HttpResponse<String> receipt = mart.get("/me/consents/" + ServiceStub.CONSENT_ID + "/receipt?kind=GRANT");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).isEqualTo(ServiceStub.RECEIPT_JWS);
        assertThat(receipt.headers().firstValue("Content-Disposition")).get().asString().contains("attachment",
                "consent-receipt-" + ServiceStub.CONSENT_ID + "-grant.jws");

        HttpResponse<String> revoked = mart.post("/me/consents/" + ServiceStub.CONSENT_ID + "/revoke", Map.of());
        assertThat(revoked.uri().toString()).endsWith("/me/consents?done=consent_revoked");
        assertThat(ServiceStub.of("mart")).extracting(r -> r.method() + " " + r.path())
                .contains("POST /me/consents/" + ServiceStub.CONSENT_ID + "/revoke");
    }

    @Test
    void aConsentWithoutADataCategoryIsRefusedNextToTheFieldAndNothingIsSent() {
        PortalSession liis = new PortalSession(portal);
        liis.signIn("liis", "/me/consents");
        HttpResponse<String> refused = liis.post("/me/consents", Map.of("validUntil", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"category-error\"", "aria-describedby=\"category-error\"");
        assertThat(ServiceStub.of("liis")).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void paymentsShowTheirBankReferenceAndTheTrackerWhoUsedWhichDataWhyAndUnderWhichBasis() {
        PortalSession kati = new PortalSession(portal);
        HttpResponse<String> payments = kati.signIn("kati", "/me/payments");
        assertThat(payments.statusCode()).isEqualTo(200);
        assertThat(payments.body()).contains("<code class=\"reference\">reg-B-1-corr</code>", "Birth grant", "€320.00");

        PortalSession mart = new PortalSession(portal);
        HttpResponse<String> tracker = mart.signIn("mart", "/me/data-access");
        assertThat(tracker.statusCode()).isEqualTo(200);
        assertThat(tracker.body()).contains("Eligibility service (works out your benefits)", "Taxable income",
                "Family benefits", "your consent", "taxable income 2025");
        assertThat(ServiceStub.of("mart")).extracting(ServiceStub.Received::path).contains("/me/data-access");
    }

    @Test
    void theInboxShowsEachNoticeInTheChosenLanguageWithWhereToActAndHowToDisagree() {
        PortalSession kati = new PortalSession(portal);
        HttpResponse<String> inbox = kati.signIn("kati", "/me/notices");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Please confirm your birth grant", "320.00 EUR",
                "href=\"http://127.0.0.1:8080/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "\"",
                "/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "/disagree", "Family Benefits Act § 5", "Mark as read",
                "action=\"/me/notices/" + ServiceStub.NOTICE_ID + "/read\"");
        kati.language("zh-TW");
        assertThat(kati.get("/me/notices").body()).contains("請確認您的生育補助", "標示為已讀", "我有異議", "已寄出");

        HttpResponse<String> read = kati.post("/me/notices/" + ServiceStub.NOTICE_ID + "/read", Map.of());
        assertThat(read.uri().toString()).endsWith("/me/notices");
        assertThat(ServiceStub.of("kati")).extracting(r -> r.method() + " " + r.path())
                .contains("POST /me/notices/" + ServiceStub.NOTICE_ID + "/read");
    }

    @Test
    void aParentDisagreesWithAReasonAndAnEmptyReasonIsAskedFor() {
        PortalSession kati = new PortalSession(portal);
        kati.signIn("kati", "/me/offers/" + ServiceStub.BIRTH_GRANT_ID);
        HttpResponse<String> empty = kati.post("/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "/disagree",
                Map.of("reason", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"reason-error\">Write why you disagree.");

        HttpResponse<String> sent = kati.post("/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "/disagree",
                Map.of("reason", "Mari is a twin; her brother is missing."));
        assertThat(sent.uri().toString()).endsWith("/me/offers/" + ServiceStub.BIRTH_GRANT_ID + "?done=disagreement_sent");
        assertThat(sent.body()).contains("Your disagreement was sent.");
        assertThat(ServiceStub.of("kati")).anySatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /me/disagreements");
            assertThat(r.body()).contains(ServiceStub.BIRTH_GRANT_ID, "Mari is a twin");
        });
    }

    @Test
    void theRecipientHandsTheMonthlyBenefitsToTheOtherParentWhoIsSuggested() {
        PortalSession kati = new PortalSession(portal);
        HttpResponse<String> family = kati.signIn("kati", "/me/family");
        assertThat(family.statusCode()).isEqualTo(200);
        assertThat(family.body()).contains("Mari", "value=\"" + ServiceStub.OTHER_PARENT + "\"",
                "<label for=\"recipient-62603020013\">");

        HttpResponse<String> refused = kati.post("/me/children/62603020013/monthly-recipient",
                Map.of("recipientId", "49008010156"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"49008010156\"");

        HttpResponse<String> handed = kati.post("/me/children/62603020013/monthly-recipient",
                Map.of("recipientId", ServiceStub.OTHER_PARENT));
        assertThat(handed.uri().toString()).endsWith("/me/family?done=handed_over");
        assertThat(ServiceStub.of("kati")).anySatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("PUT /me/children/62603020013/monthly-recipient");
            assertThat(r.body()).contains(ServiceStub.OTHER_PARENT);
        });
    }
}
