package org.lifeevents.registry.opencrvs;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.registry.registration.BirthRegistrationRequest;
import org.lifeevents.registry.registration.DeathRegistrationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The mapping of OpenCRVS bundles onto our registration requests, and its refusals with FHIR paths. */
class NotificationMapperTest {

    private static final FhirBundles BUNDLES = new FhirBundles();
    private static final NotificationMapper MAPPER = new NotificationMapper(List.of("NATIONAL_ID"));

    private static final Map<String, Object> FAMILY = Map.of("trackingId", "B6E6YJB", "registrationNumber",
            "2026B6E6YJB", "childId", "62611200014", "childGivenNames", "Mari", "childGender", "female",
            "childBirthDate", "2026-11-20", "motherId", "49403136515", "motherBirthDate", "1994-03-13", "fatherId",
            "39205202210", "fatherBirthDate", "1992-05-20");

    @Test
    void aBirthWithBothParents() {
        Notification notification = map("birth-both-parents", FAMILY, "BIRTH");

        assertThat(notification).isInstanceOf(Notification.Birth.class);
        assertThat(notification.trackingId()).isEqualTo("B6E6YJB");
        BirthRegistrationRequest birth = ((Notification.Birth) notification).request();
        assertThat(birth).isEqualTo(new BirthRegistrationRequest("2026B6E6YJB", "62611200014", "Mari", "Tamm", "F",
                "2026-11-20", null, "West Tallinn Central Hospital", "49403136515", "39205202210", null, null, 1, 1));
        assertThat(notification.sourceOf("registrationNumber")).isEqualTo("Bundle.entry[0].resource.identifier[2].value");
        assertThat(notification.sourceOf("childId")).isEqualTo("Bundle.entry[2].resource.identifier[0].value");
        assertThat(notification.sourceOf("motherId")).isEqualTo("Bundle.entry[3].resource.identifier[0].value");
        assertThat(notification.sourceOf("fatherId")).isEqualTo("Bundle.entry[4].resource.identifier[0].value");
        assertThat(notification.sourceOf("birthDate")).isEqualTo("Bundle.entry[2].resource.birthDate");
        assertThat(notification.sourceOf("placeOfBirth")).isEqualTo("Bundle.entry[7].resource.name");
        assertThat(notification.sourceOf("childrenInBirth")).isEqualTo("Bundle.entry[8].resource.value");
    }

    @Test
    void aBirthWithTheMotherOnly() {
        BirthRegistrationRequest birth = ((Notification.Birth) map("birth-mother-only", FAMILY, null)).request();
        assertThat(birth.motherId()).isEqualTo("49403136515");
        assertThat(birth.fatherId()).isNull();
        assertThat(birth.father()).isNull();
    }

    @Test
    void theSecondOfTwins() {
        Map<String, Object> twin = new java.util.HashMap<>(FAMILY);
        twin.put("birthOrder", 2);
        BirthRegistrationRequest birth = ((Notification.Birth) map("birth-twin", twin, "BIRTH")).request();
        assertThat(birth.childrenInBirth()).isEqualTo(2);
        assertThat(birth.birthOrder()).isEqualTo(2);
    }

    @Test
    void aFatherWithoutANationalIdIsNamedInFullAndMarkedNotInTheRegister() {
        String bundle = Fixtures.bundle("birth-both-parents", FAMILY).replace("\"value\": \"39205202210\"",
                "\"value\": \"\"");
        BirthRegistrationRequest birth = ((Notification.Birth) MAPPER.map(BUNDLES.parse(bundle), "BIRTH")).request();
        assertThat(birth.fatherId()).isNull();
        assertThat(birth.father()).isEqualTo(new BirthRegistrationRequest.ParentDetails(null, "Jaan", "Tamm", true));
    }

    @Test
    void aDeath() {
        Notification notification = map("death-with-spouse", Map.of("trackingId", "DW0UTHR", "registrationNumber",
                "2026DW0UTHR", "deceasedId", "35809090199", "deceasedBirthDate", "1958-09-09", "dateOfDeath",
                "2026-11-20T08:30:00+02:00", "spouseId", "46001010018", "spouseBirthDate", "1960-01-01"), "DEATH");

        assertThat(((Notification.Death) notification).request()).isEqualTo(
                new DeathRegistrationRequest("2026DW0UTHR", "35809090199", "2026-11-20", "Haapsalu Hospital"));
        assertThat(notification.sourceOf("dateOfDeath")).isEqualTo("Bundle.entry[2].resource.deceasedDateTime");
    }

    @Test
    void notFhirOrNotABundleIsRefused() {
        assertThat(refusal(() -> BUNDLES.parse("this is not json")).code()).isEqualTo("not_a_fhir_bundle");
        assertThat(refusal(() -> BUNDLES.parse("{\"hello\": \"world\"}")).code()).isEqualTo("not_a_fhir_bundle");
        assertThat(refusal(() -> BUNDLES.parse("{\"resourceType\": \"Patient\", \"id\": \"p1\"}")).getMessage())
                .contains("Patient, not a Bundle");
    }

    @Test
    void aMotherWithoutANationalIdIsRefusedAtHerIdentifiers() {
        String passport = Fixtures.edit(Fixtures.bundle("birth-mother-only", FAMILY),
                "/entry/3/resource/identifier/0/type/coding/0/code", "PASSPORT");

        ProblemException refused = refusal(() -> MAPPER.map(BUNDLES.parse(passport), "BIRTH"));

        assertThat(refused.code()).isEqualTo("invalid_fhir_bundle");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).containsExactly(new Problem.FieldError("Bundle.entry[3].resource.identifier",
                "national_id_missing", "has no identifier of type NATIONAL_ID"));
    }

    @Test
    void aBirthDateThatContradictsThePersonIdIsRefusedAtTheDate() {
        Map<String, Object> wrong = new java.util.HashMap<>(FAMILY);
        wrong.put("motherBirthDate", "1994-03-14");

        ProblemException refused = refusal(() -> map("birth-mother-only", wrong, "BIRTH"));

        assertThat(refused.errors()).containsExactly(new Problem.FieldError("Bundle.entry[3].resource.birthDate",
                "contradicts_person_id", "is 1994-03-14 but the person id 49403136515 says 1994-03-13"));
    }

    @Test
    void aBundleWithoutTheChildIsRefusedAtItsSection() {
        String bundle = Fixtures.bundle("birth-mother-only", Map.of("childUuid", "c0000000-0000-4000-8000-000000000001",
                "trackingId", "T", "registrationNumber", "N", "childId", "1", "childGivenNames", "A", "childGender",
                "male", "childBirthDate", "2026-01-01", "motherId", "49403136515", "motherBirthDate", "1994-03-13"))
                .replace("\"id\": \"c0000000-0000-4000-8000-000000000001\"", "\"id\": \"someone-else\"")
                .replace("\"fullUrl\": \"urn:uuid:c0000000-0000-4000-8000-000000000001\"", "\"fullUrl\": \"urn:uuid:x\"");

        ProblemException refused = refusal(() -> MAPPER.map(BUNDLES.parse(bundle), null));

        assertThat(refused.errors()).extracting(Problem.FieldError::field, Problem.FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bundle.entry[1].resource.section[1].entry[0].reference",
                        "resource_missing"));
    }

    @Test
    void onlyRegisteredRecordsOfAKnownTypeAreTaken() {
        String bundle = Fixtures.bundle("birth-mother-only", FAMILY);
        assertThat(refusal(() -> MAPPER.map(BUNDLES.parse(bundle.replace("\"REGISTERED\"", "\"VALIDATED\"")), null))
                .code()).isEqualTo("not_registered");
        assertThat(refusal(() -> MAPPER.map(BUNDLES.parse(bundle.replace("\"code\": \"BIRTH\"", "\"code\": \"MARRIAGE\"")),
                null)).code()).isEqualTo("unknown_event_type");
        assertThat(refusal(() -> MAPPER.map(BUNDLES.parse(bundle), "DEATH")).code()).isEqualTo("unknown_event_type");
    }

    private static Notification map(String fixture, Map<String, Object> values, String expectedType) {
        return MAPPER.map(BUNDLES.parse(Fixtures.bundle(fixture, values)), expectedType);
    }

    private static ProblemException refusal(Runnable action) {
        return catchThrowableOfType(ProblemException.class, action::run);
    }
}
