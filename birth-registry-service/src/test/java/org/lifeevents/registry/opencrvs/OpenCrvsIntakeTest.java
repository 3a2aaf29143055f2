package org.lifeevents.registry.opencrvs;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.events.registry.FieldChange;
import org.lifeevents.events.registry.RegistrationCorrectedEvent;
import org.lifeevents.localservers.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * OpenCRVS notifications through the real service, broker and database: signed webhook calls and bundles posted by
 * the registry client become registrations on the topic, once however often they are delivered; a changed one is a
 * correction; everything refused changes nothing.
 */
@QuarkusTest
class OpenCrvsIntakeTest {

    /** The %test profile's DEMO secret in application.properties. */
    private static final String SECRET = "opencrvs-demo-sha-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager entityManager;

    @Test
    void aSignedBirthNotificationWithBothParentsIsRegisteredOnceHoweverOftenItIsDelivered() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 2));
        String bundle = Fixtures.bundle("birth-both-parents", family);
        String child = (String) family.get("childId");

        webhook("BIRTH_REGISTERED", bundle).statusCode(200)
                .body("outcome", equalTo("REGISTERED"))
                .body("trackingId", equalTo(family.get("trackingId")))
                .body("registration.subjectPersonId", equalTo(child))
                .body("registration.householdId", equalTo(family.get("home")));
        // OpenCRVS retries a call it thinks failed: a new envelope (id, timestamp) around the same bundle.
        webhook("BIRTH_REGISTERED", bundle).statusCode(200).body("outcome", equalTo("REGISTERED"));

        BirthRegisteredEvent birth = new TopicReader(bootstrap).await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getRegistrationId()).isEqualTo(family.get("registrationNumber"));
        assertThat(birth.getBirth().getMother().getPersonId()).isEqualTo(family.get("motherId"));
        assertThat(birth.getBirth().getFather().getPersonId()).isEqualTo(family.get("fatherId"));
        assertThat(birth.getBirth().getPlaceOfBirth()).isEqualTo("West Tallinn Central Hospital");
        assertThat(count("select count(*) from outbox_event where event_type like '%BirthRegisteredEvent'"
                + " and partition_key = '" + child + "'")).isEqualTo(1);
        registry().get("/registrations/" + family.get("registrationNumber") + "/history").then().statusCode(200)
                .body("recordedBy", equalTo(List.of("opencrvs-webhook")));
    }

    @Test
    void aBundleWithTheMotherOnlyPostedByTheRegistryClientIsRegistered() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 3));
        String child = (String) family.get("childId");

        registry().contentType("application/fhir+json").body(Fixtures.bundle("birth-mother-only", family))
                .post("/opencrvs/bundles").then().statusCode(200)
                .body("eventType", equalTo("BIRTH"))
                .body("registration.subjectPersonId", equalTo(child));

        BirthRegisteredEvent birth = new TopicReader(bootstrap).await(Topics.REGISTRATIONS, BirthRegisteredEvent.class,
                e -> e.getBirth().getChildId().equals(child), 1).get(0);
        assertThat(birth.getBirth().getFather()).isNull();
        registry().get("/registrations/" + family.get("registrationNumber") + "/history").then().statusCode(200)
                .body("recordedBy", equalTo(List.of("service-account-registry-system")));
    }

    @Test
    void twinsAreTwoNotificationsOfOneBirth() {
        Map<String, Object> first = family(LocalDate.of(2026, 11, 4));
        first.put("birthOrder", 1);
        Map<String, Object> second = new HashMap<>(first);
        second.put("birthOrder", 2);
        second.put("childId", personId("M", LocalDate.of(2026, 11, 4)));
        second.put("childGender", "male");
        second.put("childGivenNames", "Mart");
        second.put("registrationNumber", number("2026B"));
        second.put("trackingId", number("T"));

        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-twin", first)).statusCode(200);
        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-twin", second)).statusCode(200);

        List<BirthRegisteredEvent> births = new TopicReader(bootstrap).await(Topics.REGISTRATIONS,
                BirthRegisteredEvent.class, e -> e.getBirth().getChildId().equals(first.get("childId"))
                        || e.getBirth().getChildId().equals(second.get("childId")),
                2);
        assertThat(births).extracting(e -> e.getBirth().getChildrenInBirth(), e -> e.getBirth().getBirthOrder())
                .containsExactlyInAnyOrder(tuple(2, 1), tuple(2, 2));
    }

    @Test
    void theDeathOfAParentWithASpouse() {
        String deceased = personId("M", LocalDate.of(1958, 9, 9));
        String spouse = personId("F", LocalDate.of(1960, 1, 1));
        Map<String, Object> husband = member(deceased, "Ants");
        husband.put("spouseId", spouse);
        Map<String, Object> wife = member(spouse, "Malle");
        wife.put("spouseId", deceased);
        String home = number("H");
        household(home, husband, wife);
        String registrationNumber = number("2026D");

        webhook("DEATH_REGISTERED", Fixtures.bundle("death-with-spouse", Map.of("trackingId", number("T"),
                "registrationNumber", registrationNumber, "deceasedId", deceased, "deceasedBirthDate", "1958-09-09",
                "dateOfDeath", "2026-11-20T08:30:00+02:00", "spouseId", spouse, "spouseBirthDate", "1960-01-01")))
                .statusCode(200).body("eventType", equalTo("DEATH")).body("registration.householdId", equalTo(home));

        DeathRegisteredEvent death = new TopicReader(bootstrap).await(Topics.REGISTRATIONS, DeathRegisteredEvent.class,
                e -> e.getDeath().getPersonId().equals(deceased), 1).get(0);
        assertThat(death.getDeath().getRegistrationId()).isEqualTo(registrationNumber);
        assertThat(death.getDeath().getDateOfDeath()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(death.getDeath().getPlaceOfDeath()).isEqualTo("Haapsalu Hospital");
        assertThat(death.getDeath().getSpouseId()).isEqualTo(spouse);
    }

    @Test
    void aChangedNotificationUnderTheSameRegistrationNumberIsACorrectionAppliedOnce() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 5));
        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-both-parents", family)).statusCode(200);
        family.put("childGivenNames", "Maria");
        String corrected = Fixtures.bundle("birth-both-parents", family);

        String correctionNumber = webhook("BIRTH_REGISTERED", corrected).statusCode(200)
                .body("outcome", equalTo("CORRECTED"))
                .body("correction.changes.field", equalTo(List.of("givenNames")))
                .extract().path("correction.correctionNumber");
        webhook("BIRTH_REGISTERED", corrected).statusCode(200)
                .body("correction.correctionNumber", equalTo(correctionNumber));

        String registrationNumber = (String) family.get("registrationNumber");
        RegistrationCorrectedEvent event = new TopicReader(bootstrap).await(Topics.REGISTRATIONS,
                RegistrationCorrectedEvent.class, e -> e.getRegistrationId().equals(registrationNumber), 1).get(0);
        assertThat(event.getChanges()).extracting(FieldChange::getField, FieldChange::getPreviousValue,
                FieldChange::getNewValue).containsExactly(tuple("givenNames", "Mari", "Maria"));
        assertThat(event.getCorrectedBy()).isEqualTo("OpenCRVS");
        assertThat(count("select count(*) from outbox_event where event_type like '%RegistrationCorrectedEvent'"
                + " and partition_key = '" + family.get("childId") + "'")).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedAndNothingIsStored() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 6));
        String body = Fixtures.envelope("BIRTH_REGISTERED", Fixtures.bundle("birth-mother-only", family));

        given().contentType("application/json").body(body).post("/opencrvs/webhooks").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("signature_missing"));
        given().contentType("application/json").header(WebhookSignature.HEADER, WebhookSignature.sign("not-ours", body))
                .body(body).post("/opencrvs/webhooks").then().statusCode(401)
                .body("code", equalTo("signature_invalid"));
        // Signed, then altered on the way.
        given().contentType("application/json").header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .body(body.replace("Kati", "Kadi")).post("/opencrvs/webhooks").then().statusCode(401)
                .body("code", equalTo("signature_invalid"));

        assertNothingStoredFor(family);
    }

    @Test
    void whatIsNotAnOpenCrvsRegistrationIsRefusedWithItsCodeAndNothingIsStored() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 7));
        String bundle = Fixtures.bundle("birth-mother-only", family);

        signed("{\"hello\": \"world\"}").statusCode(400).body("code", equalTo("not_an_opencrvs_notification"));
        webhook("BIRTH_REGISTERED", "{\"resourceType\": \"Patient\", \"id\": \"p1\"}").statusCode(400)
                .body("code", equalTo("not_a_fhir_bundle"));
        webhook("MARRIAGE_REGISTERED", bundle).statusCode(400).body("code", equalTo("unknown_event_type"));
        webhook("DEATH_REGISTERED", bundle).statusCode(400).body("code", equalTo("unknown_event_type"));
        webhook("BIRTH_REGISTERED", bundle.replace("\"REGISTERED\"", "\"DECLARED\"")).statusCode(422)
                .body("code", equalTo("not_registered"));
        webhook("BIRTH_REGISTERED", Fixtures.edit(bundle, "/entry/3/resource/identifier/0/type/coding/0/code",
                "PASSPORT")).statusCode(400)
                .body("code", equalTo("invalid_fhir_bundle"))
                .body("errors.field", equalTo(List.of("Bundle.entry[3].resource.identifier")))
                .body("errors.code", equalTo(List.of("national_id_missing")));
        registry().contentType("application/fhir+json").body("not json at all").post("/opencrvs/bundles").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("not_a_fhir_bundle"));

        assertNothingStoredFor(family);
    }

    @Test
    void theRegistrationsOwnRulesRefuseWithTheFhirPathOfTheField() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 8));
        String child = (String) family.get("childId");
        String badCheckDigit = child.substring(0, 10) + ((child.charAt(10) - '0' + 1) % 10);
        Map<String, Object> invalid = new HashMap<>(family);
        invalid.put("childId", badCheckDigit);

        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-mother-only", invalid)).statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("Bundle.entry[2].resource.identifier[0].value"));
        Map<String, Object> wrongDate = new HashMap<>(family);
        wrongDate.put("childBirthDate", "2026-11-09");
        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-mother-only", wrongDate)).statusCode(400)
                .body("code", equalTo("invalid_fhir_bundle"))
                .body("errors.field", equalTo(List.of("Bundle.entry[2].resource.birthDate")))
                .body("errors.code", equalTo(List.of("contradicts_person_id")));
        Map<String, Object> unknownMother = new HashMap<>(family);
        unknownMother.put("motherId", personId("F", LocalDate.of(1985, 1, 1)));
        unknownMother.put("motherBirthDate", "1985-01-01");
        webhook("BIRTH_REGISTERED", Fixtures.bundle("birth-mother-only", unknownMother)).statusCode(400)
                .body("errors.field", hasItem("Bundle.entry[3].resource.identifier[0].value"))
                .body("errors.code", hasItem("unknown_person"));

        assertNothingStoredFor(family);
    }

    @Test
    void aFhirClientIsAnsweredWithAnOperationOutcome() {
        Map<String, Object> family = family(LocalDate.of(2026, 11, 9));
        String bundle = Fixtures.edit(Fixtures.bundle("birth-mother-only", family),
                "/entry/2/resource/identifier/0/type/coding/0/code", "PASSPORT");

        registry().contentType("application/fhir+json").accept("application/fhir+json").body(bundle)
                .post("/opencrvs/bundles").then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("required"))
                .body("issue[0].expression", equalTo(List.of("Bundle.entry[2].resource.identifier")))
                .body("issue[0].details.coding[0].code", equalTo("national_id_missing"));
        String envelope = Fixtures.envelope("BIRTH_REGISTERED", bundle);
        given().contentType("application/json").accept("application/fhir+json").body(envelope)
                .post("/opencrvs/webhooks").then().statusCode(401).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("security"))
                .body("issue[0].details.coding[0].code", equalTo("signature_missing"));

        assertNothingStoredFor(family);
    }

    @Test
    void theWebSubSubscriptionCheckIsAnsweredForTheTopicsTaken() {
        given().queryParam("mode", "subscribe").queryParam("challenge", "1158201444")
                .queryParam("topic", "BIRTH_REGISTERED").get("/opencrvs/webhooks").then().statusCode(200)
                .body("challenge", equalTo("1158201444"));
        given().queryParam("mode", "subscribe").queryParam("challenge", "1158201444")
                .queryParam("topic", "BIRTH_CERTIFIED").get("/opencrvs/webhooks").then().statusCode(400)
                .body("code", equalTo("unknown_event_type"));
    }

    /** A mother and a father in households of the register, and their child's numbers and id. */
    private static Map<String, Object> family(LocalDate born) {
        String mother = personId("F", LocalDate.of(1994, 3, 13));
        String father = personId("M", LocalDate.of(1992, 5, 20));
        String home = number("H");
        household(home, member(mother, "Kati"));
        household(number("H"), member(father, "Jaan"));
        Map<String, Object> family = new HashMap<>();
        family.put("home", home);
        family.put("trackingId", number("T"));
        family.put("registrationNumber", number("2026B"));
        family.put("childId", personId("F", born));
        family.put("childGivenNames", "Mari");
        family.put("childGender", "female");
        family.put("childBirthDate", born.toString());
        family.put("motherId", mother);
        family.put("motherBirthDate", "1994-03-13");
        family.put("fatherId", father);
        family.put("fatherBirthDate", "1992-05-20");
        return family;
    }

    private static ValidatableResponse webhook(String topic, String bundle) {
        return signed(Fixtures.envelope(topic, bundle));
    }

    private static ValidatableResponse signed(String body) {
        return given().contentType("application/json").header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .body(body).post("/opencrvs/webhooks").then();
    }

    private void assertNothingStoredFor(Map<String, Object> family) {
        assertThat(count("select count(*) from person where person_id = '" + family.get("childId") + "'")).isZero();
        assertThat(count("select count(*) from registry_write where write_number = '" + family.get("registrationNumber")
                + "'")).isZero();
        assertThat(count("select count(*) from outbox_event where partition_key = '" + family.get("childId") + "'"))
                .isZero();
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
