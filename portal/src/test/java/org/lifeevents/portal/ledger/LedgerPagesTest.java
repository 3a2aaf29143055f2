package org.lifeevents.portal.ledger;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.lifeevents.portal.PortalSession;
import org.lifeevents.portal.ServiceStub;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The family ledger pages, signed in through Keycloak, against the ledger the payment service answers (the contract
 * file its own test checks): a caseworker looks up a household and a person, each entitlement linked to its decisions'
 * explanation; a refused person id is explained next to the field; a father reads his family's money from his
 * dashboard, in English and in Traditional Chinese; a citizen cannot open the caseworkers' page.
 */
@QuarkusTest
class LedgerPagesTest {

    private static final String ENTITLEMENT = "2d9f5ebf-3c4d-4e6f-8a11-2c3d4e5f6a71";
    private static final String DECISION = "6c1d0e2f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    @TestHTTPResource("/")
    URI portal;

    @Test
    void aCaseworkerLooksUpAHouseholdAndSeesWhoWasOwedPaidAndClaimedEachMonth() {
        PortalSession carl = new PortalSession(portal);
        HttpResponse<String> page = carl.signIn("carl", "/ledger?householdId=" + ServiceStub.LEDGER_HOUSEHOLD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Family ledger</h1>", "Household H-1001", "Child allowance",
                "for 62603020013", "July 2026", "due on 10 August 2026",
                // the mother paid and claimed back (difference 0), the father owed and not yet paid
                "€80.00, Paid, reference reg-B-1-corr, file LE-20260810-0001",
                "Claimed back €80.00 (€80.00 still to recover): the recipient died before the month",
                "href=\"/audit/entitlements/" + ENTITLEMENT + "#decision-" + DECISION + "\"",
                "Decision " + DECISION, "<td class=\"num difference\">€80.00</td>", "<td class=\"num difference\">€0.00</td>",
                "<a href=\"/ledger\" aria-current=\"page\">Family ledger</a>");
        assertThat(ServiceStub.of("carl")).anySatisfy(
                r -> assertThat(r.method() + " " + r.path()).isEqualTo("GET /ledger/households/H-1001"));

        HttpResponse<String> person = carl.get("/ledger?personId=" + ServiceStub.OTHER_PARENT);
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(person.body()).contains("Person " + ServiceStub.OTHER_PARENT, "Child allowance");
        assertThat(ServiceStub.of("carl")).anySatisfy(r -> assertThat(r.method() + " " + r.path())
                .isEqualTo("GET /ledger/persons/" + ServiceStub.OTHER_PARENT));

        HttpResponse<String> nobody = carl.get("/ledger?householdId=H-9999");
        assertThat(nobody.body()).contains("No benefit money is recorded for this household or person.");
    }

    @Test
    void aPersonIdTheServiceRefusesIsExplainedNextToTheFieldAndAnAuditorReadsToo() {
        PortalSession carl = new PortalSession(portal);
        carl.signIn("carl", "/ledger");
        HttpResponse<String> refused = carl.get("/ledger?personId=12345");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"person-error\">This is not a valid personal identification code",
                "aria-describedby=\"person-error\"", "value=\"12345\"");

        PortalSession aino = new PortalSession(portal);
        HttpResponse<String> auditor = aino.signIn("aino", "/ledger?householdId=" + ServiceStub.LEDGER_HOUSEHOLD);
        assertThat(auditor.statusCode()).isEqualTo(200);
        assertThat(auditor.body()).contains("Household H-1001", "reg-B-1-corr");
    }

    @Test
    void aParentReadsTheFamilysMoneyFromTheDashboardInBothLanguagesButNotTheCaseworkersPage() {
        PortalSession jaan = new PortalSession(portal);
        HttpResponse<String> dashboard = jaan.signIn("jaan", "/me");
        assertThat(dashboard.body()).contains("<a href=\"/me/ledger\">My family&#39;s money, month by month</a>");
        HttpResponse<String> mine = jaan.get("/me/ledger");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("<h1>My family&#39;s money</h1>", ServiceStub.OTHER_PARENT + " (you)",
                "href=\"/me/offers/" + ENTITLEMENT + "\"", "reg-B-1-corr", "€80.00");
        assertThat(ServiceStub.of("jaan")).anySatisfy(r -> assertThat(r.path()).isEqualTo("/me/ledger"));

        jaan.language("zh-TW");
        HttpResponse<String> chinese = jaan.get("/me/ledger");
        assertThat(chinese.body()).contains("<h1>我家的款項</h1>", "兒童津貼", "2026年7月", "差額", "追回",
                ServiceStub.OTHER_PARENT + "（您）", "領取人於該月之前死亡");

        assertThat(jaan.get("/ledger?householdId=H-1001").statusCode()).isEqualTo(403);
        assertThat(ServiceStub.of("jaan")).noneMatch(r -> r.path().startsWith("/ledger/"));
    }
}
