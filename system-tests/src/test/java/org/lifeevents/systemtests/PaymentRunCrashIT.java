package org.lifeevents.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.eligibility.EntitlementChangedEvent;
import org.lifeevents.events.eligibility.EntitlementPeriod;
import org.lifeevents.events.payment.PaymentLine;
import org.lifeevents.events.payment.PaymentScheduledEvent;
import org.lifeevents.events.payment.PaymentsSentEvent;
import org.lifeevents.events.payment.PaymentsSettledEvent;
import org.lifeevents.events.payment.PayoutAccountChangedEvent;
import org.lifeevents.events.tax.TaxRefundAccountEvent;
import org.lifeevents.events.wire.EventCodec;
import org.lifeevents.events.wire.EventSerializer;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.BusinessDate;
import org.lifeevents.localservers.testing.TopicReader;
import org.lifeevents.localstack.LocalStack;
import org.lifeevents.localstack.Service;

import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across a real crash: the payment service is killed (no shutdown, as a power cut would) in the middle of
 * a payment run and started again; the run is resumed. Every incoming event was delivered three times. Afterwards
 * each entitlement was paid once, announced once, credited once by the bank, and the run's control sum is the sum of
 * its payments.
 */
class PaymentRunCrashIT {

    private static final int PEOPLE = 600;
    private static final String BANK_KEY = "bank-demo-api-key";

    private static LocalStack stack;
    private static TopicReader topics;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void stack() {
        stack = SystemStack.get();
        topics = new TopicReader(stack.kafka().bootstrapServers());
        tokens = stack.keycloak().tokens();
    }

    @Test
    void aPaymentServiceKilledMidRunPaysEachEntitlementExactlyOnceAfterItIsResumed() {
        // The stack lives on the real date in the agency's zone (not the JVM's), so last month means the same to both.
        LocalDate day = BusinessDate.thisMonth().minusMonths(1).atDay(7);
        List<SpecificRecord> accounts = new ArrayList<>();
        List<EntitlementChangedEvent> grants = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String person = personId(i % 2 == 0 ? 4 : 3, LocalDate.of(1970, 1, 1).plusDays(i * 7L), 300 + i % 500);
            accounts.add(TaxRefundAccountEvent.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                    .setCorrelationId(Events.newCorrelationId()).setPersonId(person).setIban("EE382200221020145685")
                    .setRecordedOn(LocalDate.of(2025, 1, 1)).build());
            String entitlement = UUID.randomUUID().toString();
            grants.add(EntitlementChangedEvent.newBuilder().setEventId(Events.newEventId()).setOccurredAt(Instant.now())
                    .setCorrelationId(Events.newCorrelationId()).setEntitlementId(entitlement).setVersion(2)
                    .setDecisionId(UUID.randomUUID().toString()).setBenefit("FUNERAL_GRANT").setStatus("GRANTED")
                    .setRecipientId(person)
                    .setPeriods(List.of(EntitlementPeriod.newBuilder().setFromDate(day).setUntilDate(day)
                            .setAmountCents(25000).setRecipientId(person).setParameterVersion("2025-01-01").build()))
                    .setMonthly(false).setLegalReference("Social Benefits Act § 2").setExplanation("Funeral grant")
                    .setChangeReason("CONFIRMED").setChangedAt(Instant.now()).build());
        }
        Set<String> ours = grants.stream().map(EntitlementChangedEvent::getEntitlementId).collect(Collectors.toSet());
        // Each event three times: the original and two redeliveries of the same bytes.
        publishThreeTimes(Topics.TAX_REFUND_ACCOUNTS, accounts, e -> ((TaxRefundAccountEvent) e).getPersonId());
        publishThreeTimes(Topics.ENTITLEMENTS, new ArrayList<>(grants), e -> ((EntitlementChangedEvent) e).getEntitlementId());
        Set<String> persons = accounts.stream().map(e -> ((TaxRefundAccountEvent) e).getPersonId()).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> topics.read(Topics.PAYOUT_ACCOUNTS, PayoutAccountChangedEvent.class).stream()
                        .filter(e -> persons.contains(e.getPersonId())).count() >= PEOPLE
                        && topics.read(Topics.PAYMENTS, PaymentScheduledEvent.class).stream()
                                .filter(e -> ours.contains(e.getEntitlementId())).count() >= PEOPLE);

        String otto = tokens.person("otto");
        String runId = given().auth().oauth2(otto).queryParam("maxPaymentsPerFile", 4)
                .post(stack.url(Service.PAYMENT) + "/runs").then().statusCode(202).extract().path("runId");
        JsonPath atCrash = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> run(otto, runId), r -> r.getList("files.findAll { it.status == 'REPORTED' }").size() >= 2);
        stack.crashAndRestart(Service.PAYMENT);
        assertThat(atCrash.getString("status")).as("the run was killed before it finished").isNotEqualTo("COMPLETED");

        String afterRestart = tokens.person("otto");
        given().auth().oauth2(afterRestart).post(stack.url(Service.PAYMENT) + "/runs/" + runId + "/resume")
                .then().statusCode(202);
        JsonPath done = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> run(afterRestart, runId), r -> "COMPLETED".equals(r.getString("status")));
        assertThat(done.getBoolean("reconciliation.reconciled")).isTrue();
        long controlSum = done.getLong("controlSumCents");
        assertThat(done.getLong("reconciliation.sumOfPaymentAmountsInFiles")).isEqualTo(controlSum);
        assertThat(done.getLong("reconciliation.sumOfFileControlSums")).isEqualTo(controlSum);

        // Everything delivered yet again, and another run: nothing of ours is paid again.
        publishThreeTimes(Topics.ENTITLEMENTS, new ArrayList<>(grants), e -> ((EntitlementChangedEvent) e).getEntitlementId());
        sleep(Duration.ofSeconds(5));
        String second = given().auth().oauth2(afterRestart).post(stack.url(Service.PAYMENT) + "/runs").then()
                .statusCode(202).extract().path("runId");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> run(afterRestart, second), r -> "COMPLETED".equals(r.getString("status")));

        // a run announces each file's payments together: flattened, every payment of ours once sent, once settled
        List<PaymentLine> sentLines = topics.read(Topics.PAYMENTS, PaymentsSentEvent.class).stream()
                .flatMap(e -> e.getPayments().stream()).toList();
        Map<String, Long> sent = sentLines.stream().filter(l -> ours.contains(l.getEntitlementId()))
                .collect(Collectors.groupingBy(PaymentLine::getEntitlementId, Collectors.counting()));
        assertThat(sent).hasSize(PEOPLE).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        Map<String, Long> settled = topics.read(Topics.PAYMENTS, PaymentsSettledEvent.class).stream()
                .flatMap(e -> e.getPayments().stream()).filter(l -> ours.contains(l.getEntitlementId()))
                .collect(Collectors.groupingBy(PaymentLine::getEntitlementId, Collectors.counting()));
        assertThat(settled).hasSize(PEOPLE).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(topics.read(Topics.PAYMENTS, PaymentsSentEvent.class).stream()
                .filter(e -> e.getRunId().equals(runId)).flatMap(e -> e.getPayments().stream())
                .mapToLong(PaymentLine::getAmountCents).sum())
                .isEqualTo(controlSum);

        // The bank credited the run's files once each, however often a file was sent.
        List<String> files = done.getList("files.messageId");
        List<Map<String, Object>> received = given().header("X-Api-Key", BANK_KEY).get(stack.url(Service.BANK) + "/files")
                .then().statusCode(200).extract().jsonPath().getList("$");
        long credited = received.stream().filter(f -> files.contains(f.get("messageId")))
                .mapToLong(f -> ((Number) f.get("creditedCents")).longValue()).sum();
        assertThat(credited).isEqualTo(controlSum);
    }

    private static JsonPath run(String token, String runId) {
        return given().auth().oauth2(token).get(stack.url(Service.PAYMENT) + "/runs/" + runId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void publishThreeTimes(String topic, List<SpecificRecord> events, Function<SpecificRecord, String> key) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int copy = 0; copy < 3; copy++) {
                for (SpecificRecord event : events) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.apply(event),
                            EventCodec.encode(event));
                    record.headers().add(EventSerializer.EVENT_TYPE_HEADER,
                            Events.type(event).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
        }
    }

    /** An Estonian personal identification code (century/sex digit, YYMMDD, serial, mod-11 check digit). */
    static String personId(int centurySex, LocalDate birthDate, int serial) {
        String digits = centurySex + String.format("%02d%02d%02d%03d", birthDate.getYear() % 100,
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), serial);
        int check = checkSum(digits, new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1 });
        if (check == 10) {
            check = checkSum(digits, new int[] { 3, 4, 5, 6, 7, 8, 9, 1, 2, 3 }) % 10;
        }
        return digits + check;
    }

    private static int checkSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
