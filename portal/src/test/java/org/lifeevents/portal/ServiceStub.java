package org.lifeevents.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Answers for the eligibility, consent and payment services in the portal's own tests, with the shapes their APIs
 * answer (the real services are exercised with the portal in the system test). It records each request with the
 * user named in its bearer token, so tests can check the portal forwards the signed-in person's own token. Answers
 * depend on that user, so tests of different users never see each other's data.
 */
public class ServiceStub implements QuarkusTestResourceLifecycleManager {

    /** A request as the stub received it. */
    public record Received(String method, String path, String query, String user, String body) {
    }

    public static final String BIRTH_GRANT_ID = "0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    public static final String CONFLICT_ID = "1c8e4dae-2b3c-4d5e-9f00-1b2c3d4e5f60";
    public static final String BAD_IBAN = "EE382200221020145686";
    public static final String CONSENT_ID = "3f2b8c1e-5d4a-4e0b-9a7c-1d2e3f4a5b6c";
    public static final String RECEIPT_JWS = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJjb25zZW50IjoiMSJ9.c2lnbmF0dXJl";
    /** Kati's husband, the other legal parent of Mari. */
    public static final String OTHER_PARENT = "39205202210";
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.eligibility-service.url", url, "quarkus.rest-client.consent-service.url", url,
                "quarkus.rest-client.payment-service.url", url, "quarkus.rest-client.notification-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Requests of one user, in the order received. */
    public static List<Received> of(String user) {
        return RECEIVED.stream().filter(r -> user.equals(r.user())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = user(exchange.getRequestHeaders().getFirst("Authorization"));
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        RECEIVED.add(new Received(method, path, query == null ? "" : query, user, body));
        if (user == null) {
            send(exchange, 401, problem(401, "unauthenticated", "A valid bearer token is required.", ""));
            return;
        }
        String route = method + " " + path;
        if (route.equals("GET /me/offers")) {
            send(exchange, 200, "kati".equals(user) || "jaan".equals(user) ? OFFERS : "[]");
        } else if (route.equals("POST /me/offers/" + CONFLICT_ID + "/confirm")) {
            send(exchange, 409, problem(409, "not_confirmable", "The other parent already took this benefit.", ""));
        } else if (route.startsWith("POST /me/offers/") && route.endsWith("/confirm")) {
            send(exchange, 200,
                    "{\"entitlementId\":\"" + BIRTH_GRANT_ID + "\",\"benefit\":\"BIRTH_GRANT\",\"status\":\"GRANTED\"}");
        } else if (route.equals("GET /me/payout-account")) {
            if ("kati".equals(user) || "jaan".equals(user)) {
                send(exchange, 404, problem(404, "no_payout_account",
                        "No payout account is known for you. Set one so your benefits can be paid.", ""));
            } else {
                send(exchange, 200, "{\"iban\":\"EE382200221020145685\",\"source\":\"CITIZEN\",\"since\":\"2026-03-01\"}");
            }
        } else if (route.equals("PUT /me/payout-account")) {
            JsonNode request = JSON.readTree(body);
            if (request.path("iban").asText().replace(" ", "").equals(BAD_IBAN)) {
                send(exchange, 400, problem(400, "validation_failed", "The request has invalid fields.",
                        ",\"errors\":[{\"field\":\"iban\",\"code\":\"invalid_iban\","
                                + "\"message\":\"is not a valid IBAN: check digits do not match (mod 97)\"}]"));
            } else {
                send(exchange, 200,
                        "{\"iban\":\"" + request.path("iban").asText() + "\",\"source\":\"CITIZEN\",\"since\":\"2026-03-02\"}");
            }
        } else if (route.equals("GET /me/payments")) {
            send(exchange, 200, "kati".equals(user) ? PAYMENTS : "[]");
        } else if (route.equals("GET /me/notices")) {
            send(exchange, 200, "kati".equals(user) ? NOTICES : "[]");
        } else if (route.startsWith("POST /me/notices/") && route.endsWith("/read")) {
            send(exchange, 204, "");
        } else if (route.equals("GET /me/ledger")) {
            send(exchange, 200, OTHER_PARENT_USER.equals(user) ? LEDGER : emptyLedger("PERSON", ""));
        } else if (route.equals("GET /ledger/households/" + LEDGER_HOUSEHOLD)) {
            send(exchange, 200, LEDGER);
        } else if (route.startsWith("GET /ledger/households/")) {
            send(exchange, 200, emptyLedger("HOUSEHOLD", path.substring("/ledger/households/".length())));
        } else if (route.startsWith("GET /ledger/persons/")) {
            String personId = path.substring("/ledger/persons/".length());
            if (!personId.matches("\\d{11}")) {
                send(exchange, 400, problem(400, "validation_failed", "The request has invalid fields.",
                        ",\"errors\":[{\"field\":\"personId\",\"code\":\"invalid_person_id\","
                                + "\"message\":\"must be 11 digits\"}]"));
            } else {
                send(exchange, 200, OTHER_PARENT.equals(personId) ? LEDGER : emptyLedger("PERSON", personId));
            }
        } else if (route.equals("GET /me/consents")) {
            send(exchange, 200, "mart".equals(user) ? "[" + CONSENT + "]" : "[]");
        } else if (route.equals("POST /me/consents")) {
            send(exchange, 201, CONSENT);
        } else if (route.equals("POST /me/consents/" + CONSENT_ID + "/revoke")) {
            send(exchange, 200, CONSENT.replace("\"ACTIVE\"", "\"REVOKED\""));
        } else if (route.equals("GET /me/consents/" + CONSENT_ID + "/receipt")
                && "application/jose".equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            send(exchange, 200, RECEIPT_JWS, "application/jose");
        } else if (route.equals("GET /me/data-access")) {
            send(exchange, 200, "mart".equals(user) ? DATA_ACCESS
                    : "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0,\"totalPages\":0}");
        } else if (route.equals("GET /cases")) {
            send(exchange, 200, "{\"items\":[" + CASE_SUMMARY + "],\"total\":1,\"page\":0,\"size\":20}");
        } else if (route.equals("GET /cases/" + CASE_ID)) {
            send(exchange, 200, CASE_DETAIL.replace("@STATUS@", "OPEN"));
        } else if (route.equals("GET /cases/" + OVERRIDDEN_CASE_ID)) {
            send(exchange, 200,
                    CASE_DETAIL.replace("@STATUS@", "AWAITING_SECOND_APPROVAL").replace(CASE_ID, OVERRIDDEN_CASE_ID));
        } else if (route.equals("POST /cases/" + OVERRIDDEN_CASE_ID + "/second-approval") && "carl".equals(user)) {
            send(exchange, 409, problem(409, "second_approver_must_differ",
                    "The second approval must come from another caseworker.", ""));
        } else if (route.startsWith("POST /cases/")) {
            send(exchange, 200, CASE_DETAIL.replace("@STATUS@", "RESOLVED"));
        } else if (route.equals("POST /me/disagreements")) {
            send(exchange, 201, "{\"caseId\":\"C-STUB-1\"}");
        } else if (route.startsWith("PUT /me/children/") && route.endsWith("/monthly-recipient")) {
            if (JSON.readTree(body).path("recipientId").asText().equals(OTHER_PARENT)) {
                send(exchange, 200, "{\"childId\":\"62603020013\",\"fromPersonId\":\"49403136515\",\"toPersonId\":\""
                        + OTHER_PARENT + "\",\"effectiveFrom\":\"2026-04-01\",\"text\":\"Handed over.\",\"entitlements\":[]}");
            } else {
                send(exchange, 422, problem(422, "not_other_legal_parent",
                        "The person is not the child's other legal parent.", ""));
            }
        } else {
            send(exchange, 404, problem(404, "not_found", "Nothing at " + path, ""));
        }
    }

    private static String emptyLedger(String scope, String key) {
        return "{\"scope\":\"" + scope + "\",\"key\":\"" + key + "\",\"asOf\":\"2026-12-01\",\"entitlements\":[],"
                + "\"people\":[],\"totals\":{\"owedCents\":0,\"paidCents\":0,\"claimedCents\":0,\"differenceCents\":0}}";
    }

    private static String user(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            String[] parts = authorization.substring(7).split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("preferred_username").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static String problem(int status, String code, String detail, String more) {
        return "{\"type\":\"urn:lifeevents:problem:" + code + "\",\"title\":\"Problem\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\",\"correlationId\":\"corr-stub-1\"" + more + "}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body, status >= 400 ? "application/problem+json" : "application/json");
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The household of the ledger the payment service would answer (its contract: the same file its test checks). */
    public static final String LEDGER_HOUSEHOLD = "H-1001";
    /** Jaan, the father in that ledger, reads it as his own. */
    static final String OTHER_PARENT_USER = "jaan";

    static final String LEDGER = contract("/contracts/payment-ledger.json");

    private static String contract(String resource) {
        try (var in = ServiceStub.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("No " + resource + " on the test class path", e);
        }
    }

    static final String OFFERS = """
            [{"entitlementId":"%s","benefit":"BIRTH_GRANT","status":"OFFERED","recipientId":"49403136515",
              "beneficiaryId":"62603020013","beneficiaryName":"Mari","householdId":"H-1001","amountCents":32000,
              "monthly":false,"periodFrom":"2026-03-02","periodUntil":"2026-03-02","firstPaymentDate":null,
              "missing":[],"canConfirm":true,"legalReference":"Life-Event Benefits Act (reference ruleset) § 3 (1)",
              "citizenText":"You may receive a birth grant of 320.00 EUR for Mari, born on 2 March 2026.",
              "explanation":{"benefit":"BIRTH_GRANT","outcome":"OFFERED","ruleVersion":"rules-1","parameterVersion":"params-2025",
                "inputs":[{"name":"mother","value":"49403136515","source":"civil registry (birth registration B-1)","observedAt":"2026-03-02T08:15:00Z"},
                          {"name":"household","value":"49403136515 (Kati, born 1994-03-13)","source":"population register (household H-1001, version 1)","observedAt":"2026-03-01T10:00:00Z"}],
                "parameters":[{"name":"BIRTH_GRANT_PER_CHILD","value":32000,"unit":"EUR cents per child","legalReference":"Life-Event Benefits Act (reference ruleset) § 3 (1)","validFrom":"2025-01-01","parameterVersion":"params-2025"}],
                "arithmetic":["1 child x 320.00 EUR = 320.00 EUR"]}},
             {"entitlementId":"%s","benefit":"PARENTAL_BENEFIT","status":"OFFERED","recipientId":"49403136515",
              "beneficiaryId":"49403136515","beneficiaryName":"Kati","amountCents":82000,"monthly":true,
              "periodFrom":"2026-03-01","periodUntil":"2027-05-31","missing":[],"canConfirm":true,
              "explanation":{"inputs":[{"name":"taxableIncome2025","value":"9000.00 EUR","source":"tax authority (assessment A-1 of 2026-02-01)","observedAt":"2026-02-01T00:00:00Z"}],"arithmetic":"9000.00 / 12 = 750.00, at least 820.00"}},
             {"entitlementId":"2d9f5ebf-3c4d-4e6f-8a11-2c3d4e5f6a71","benefit":"CHILD_ALLOWANCE","status":"GRANTED",
              "recipientId":"49403136515","beneficiaryId":"62603020013","beneficiaryName":"Mari","amountCents":8000,
              "monthly":true,"periodFrom":"2026-03-01","periodUntil":"2042-03-31","firstPaymentDate":"2026-04-10",
              "missing":[{"code":"PAYOUT_ACCOUNT","text":"Give a payout account."}],"canConfirm":false,
              "explanation":{"inputs":[{"name":"mother","value":"49403136515","source":"civil registry (birth registration B-1)","observedAt":"2026-03-02T08:15:00Z"},
                                       {"name":"father","value":"39205202210","source":"civil registry (birth registration B-1)","observedAt":"2026-03-02T08:15:00Z"}]}},
             {"entitlementId":"3e0a6fc0-4d5e-4f70-9b22-3d4e5f6a7b82","benefit":"PARENTAL_BENEFIT","status":"PENDING",
              "recipientId":"49403136515","beneficiaryId":"49403136515","monthly":true,"periodFrom":"2026-03-01",
              "periodUntil":"2027-05-31","missing":[{"code":"CONSENT_TAX_INCOME","text":"Give your consent."}],"canConfirm":false}]
            """
            .formatted(BIRTH_GRANT_ID, CONFLICT_ID);

    public static final String CASE_ID = "7a1c2d3e-0000-4000-8000-00000000c001";
    public static final String OVERRIDDEN_CASE_ID = "7a1c2d3e-0000-4000-8000-00000000c002";

    static final String CASE_SUMMARY = """
            {"caseId":"%s","caseType":"NO_PAYOUT_ACCOUNT","status":"OPEN","subjectPersonId":"49008010156",
             "householdId":"H-1002","entitlementId":"%s","summary":"No payout account 30 days after the grant.",
             "openedAt":"2026-04-02T06:00:00Z","ageDays":3,"assignee":null}
            """.formatted(CASE_ID, BIRTH_GRANT_ID);

    static final String CASE_DETAIL = """
            {"caseId":"%s","caseType":"NO_PAYOUT_ACCOUNT","status":"@STATUS@","subjectPersonId":"49008010156",
             "householdId":"H-1002","entitlementId":"%s","summary":"No payout account 30 days after the grant.",
             "openedAt":"2026-04-02T06:00:00Z","ageDays":3,"assignee":"carl",
             "explanation":{"benefit":"BIRTH_GRANT","outcome":"GRANTED","legalReference":"Life-Event Benefits Act § 3 (1)",
               "arithmetic":["1 child x 320.00 EUR = 320.00 EUR"]},
             "inputs":[{"name":"mother","value":"49008010156","source":"civil registry (birth registration B-9)","observedAt":"2026-03-02T08:15:00Z"}],
             "actions":[{"at":"2026-04-03T09:00:00Z","actor":"carl","action":"ASSIGNED","reason":null,"amountCents":null}]}
            """
            .formatted(CASE_ID, BIRTH_GRANT_ID);

    static final String CONSENT = """
            {"consentId":"%s","purpose":"FAMILY_BENEFITS","dataCategories":["TAX_INCOME"],
             "validFrom":"2026-03-01T09:00:00Z","validUntil":null,"grantedAt":"2026-03-01T09:00:00Z","revokedAt":null,
             "status":"ACTIVE","receiptId":"9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e","revocationReceiptId":null}
            """.formatted(CONSENT_ID);

    static final String DATA_ACCESS = """
            {"items":[{"accessId":"0b7f3c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f","accessedAt":"2026-03-02T08:16:05.120Z",
              "accessorService":"eligibility-service","dataCategory":"TAX_INCOME","purpose":"FAMILY_BENEFITS",
              "legalBasis":"CONSENT","consentId":"%s","coveredByConsent":true,
              "decisionId":"PARENTAL_BENEFIT-62603020013","details":"taxable income 2025",
              "recordedAt":"2026-03-02T08:16:05.410Z","sequence":1,"entryHash":"5f1c"}],
             "page":0,"size":20,"totalItems":1,"totalPages":1}
            """.formatted(CONSENT_ID);

    public static final String NOTICE_ID = "5a0c6f2e-7b1d-4e3f-9a2b-3c4d5e6f7a8b";

    /** Kati's inbox as the notification service answers it: one unread offer, in both languages. */
    static final String NOTICES = """
            [{"noticeId":"%s","kind":"OFFER_TO_CONFIRM","occurredAt":"2026-03-02T10:00:00Z","read":false,
              "requiredByLaw":true,"texts":{"en":{"title":"Please confirm your birth grant",
              "body":"We have prepared a birth grant of 320.00 EUR for you."},
              "zh-TW":{"title":"請確認您的生育補助","body":"我們已為您準備好生育補助，金額 320.00 EUR。"}},
              "actionUrl":"http://127.0.0.1:8080/me/offers/%s",
              "disagreeUrl":"http://127.0.0.1:8080/me/offers/%s/disagree",
              "legalReference":"Family Benefits Act § 5","email":"SENT"}]
            """.formatted(NOTICE_ID, BIRTH_GRANT_ID, BIRTH_GRANT_ID);

    static final String PAYMENTS = """
            [{"paymentId":"4f1b7ad1-5e6f-4081-8c33-4e5f6a7b8c93","entitlementId":"%s","benefit":"BIRTH_GRANT",
              "periodStart":"2026-03-02","periodEnd":"2026-03-02","amountCents":32000,"status":"SENT",
              "dueDate":"2026-03-03","sentAt":"2026-03-03T06:00:00Z","endToEndId":"reg-B-1-corr"}]
            """.formatted(BIRTH_GRANT_ID);
}
