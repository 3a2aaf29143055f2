package org.lifeevents.systemtests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One birth is one trace: the registry's request, the eligibility service's handling of the birth it publishes
 * through the outbox, and the payment service's handling of the entitlement the eligibility service publishes in
 * turn, all exported by the real services to the test's own OTLP collector and joined by parent span ids.
 */
class BirthTraceIT {

    private static final String MOTHER = PaymentRunCrashIT.personId(4, LocalDate.of(1993, 8, 17), 951);
    private static final String FATHER = PaymentRunCrashIT.personId(3, LocalDate.of(1991, 9, 18), 952);
    private static final String CORRELATION = "lifeevents.correlation_id";
    /** The attribute of a consumer's span of handling a poll ({@code BatchIntake}): the poll was handled, not only read. */
    private static final String CONSUMER = "lifeevents.consumer";

    @Test
    void aBirthIsOneTraceFromTheRegistryThroughEligibilityToPayment() {
        LocalStack stack = SystemStack.get();
        OtlpReceiver collector = SystemStack.traces();
        String registry = stack.keycloak().tokens().registry();
        LocalDate born = LocalDate.now().minusDays(10);
        String child = PaymentRunCrashIT.personId(6, born, 953);
        given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(Map.of("reason", "INITIAL_LOAD",
                        "members", List.of(
                                Map.of("personId", MOTHER, "givenNames", "Triin", "familyName", "Rebane", "sex", "F",
                                        "birthDate", "1993-08-17", "spouseId", FATHER),
                                Map.of("personId", FATHER, "givenNames", "Toomas", "familyName", "Rebane", "sex", "M",
                                        "birthDate", "1991-09-18", "spouseId", MOTHER))))
                .put(stack.url(Service.REGISTRY) + "/households/H-SYS-TRACE-1")
                .then().statusCode(200);

        String correlationId = given().auth().oauth2(registry).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("registrationNumber", "B-SYS-TRACE-1"), Map.entry("childId", child),
                        Map.entry("givenNames", "Liisu"), Map.entry("familyName", "Rebane"), Map.entry("sex", "F"),
                        Map.entry("birthDate", born.toString()), Map.entry("placeOfBirth", "Tartu"),
                        Map.entry("motherId", MOTHER), Map.entry("fatherId", FATHER), Map.entry("childrenInBirth", 1),
                        Map.entry("birthOrder", 1)))
                .post(stack.url(Service.REGISTRY) + "/registrations/births")
                .then().statusCode(201).extract().path("correlationId");

        // the registry's request span names the correlation id a family would quote
        String traceId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> collector.spans().stream()
                        .filter(s -> "birth-registry-service".equals(s.service())
                                && correlationId.equals(s.attributes().get(CORRELATION)))
                        .map(OtlpReceiver.ExportedSpan::traceId).findFirst(), Optional::isPresent)
                .orElseThrow();

        // the payment service handled the entitlement in a span descending from the eligibility service's of the birth
        List<OtlpReceiver.ExportedSpan> trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> spansOf(collector, traceId), spans -> connected(spans)
                        && spans.stream().anyMatch(s -> "payment-service".equals(s.service())
                                && "payment.entitlements".equals(s.attributes().get(CONSUMER))
                                && ancestors(spans, s).contains("eligibility-service")));

        assertThat(trace).filteredOn(s -> s.parentSpanId().isEmpty())
                .singleElement().extracting(OtlpReceiver.ExportedSpan::service).isEqualTo("birth-registry-service");
        assertThat(trace).extracting(OtlpReceiver.ExportedSpan::service)
                .contains("birth-registry-service", "eligibility-service", "payment-service");
    }

    /** The services of the span's ancestors, nearest first. */
    private static List<String> ancestors(List<OtlpReceiver.ExportedSpan> spans, OtlpReceiver.ExportedSpan span) {
        Map<String, OtlpReceiver.ExportedSpan> byId = spans.stream()
                .collect(Collectors.toMap(OtlpReceiver.ExportedSpan::spanId, s -> s, (one, two) -> one));
        List<String> services = new ArrayList<>();
        for (OtlpReceiver.ExportedSpan parent = byId.get(span.parentSpanId()); parent != null; parent = byId
                .get(parent.parentSpanId())) {
            services.add(parent.service());
        }
        return services;
    }

    private static List<OtlpReceiver.ExportedSpan> spansOf(OtlpReceiver collector, String traceId) {
        return collector.spans().stream().filter(s -> traceId.equals(s.traceId())).toList();
    }

    /** Every span's parent is in the trace: one tree, not pieces that happen to share an id. */
    private static boolean connected(List<OtlpReceiver.ExportedSpan> spans) {
        Set<String> ids = spans.stream().map(OtlpReceiver.ExportedSpan::spanId).collect(Collectors.toSet());
        return spans.stream().allMatch(s -> s.parentSpanId().isEmpty() || ids.contains(s.parentSpanId()));
    }
}
