package org.lifeevents.registry;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.lifeevents.registry.TestData.Caller;
import org.lifeevents.registry.opencrvs.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.lifeevents.registry.TestData.birth;
import static org.lifeevents.registry.TestData.death;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * Every endpoint, every role of the realm: the allowed roles get 2xx, every other role 403, and no token 401, each as
 * problem+json.
 */
@QuarkusTest
class SecurityTest {

    private static final Set<Caller> REGISTRY_ONLY = EnumSet.of(Caller.REGISTRY);
    private static final Set<Caller> READERS = EnumSet.of(Caller.REGISTRY, Caller.CASEWORKER, Caller.AUDITOR);

    @Test
    void registrationWrites() {
        String mother = personId("F", LocalDate.of(1990, 10, 10));
        household(number("H"), member(mother, "Anna"));
        check("POST", "/registrations/births", REGISTRY_ONLY, 201,
                () -> birth(number("B"), personId("F", LocalDate.of(2026, 1, 2)), mother));
        check("POST", "/registrations/deaths", REGISTRY_ONLY, 201, () -> {
            String person = personId("M", LocalDate.of(1950, 10, 10));
            household(number("H"), member(person, "Ants"));
            return death(number("D"), person, "2026-01-02");
        });
        String registration = registeredBirth(mother, LocalDate.of(2026, 1, 3));
        check("POST", "/registrations/" + registration + "/corrections", REGISTRY_ONLY, 201,
                () -> Map.of("correctionNumber", number("C"), "reason", "formal_correction", "correctedBy", "official 1",
                        "changes", Map.of("givenNames", "Maria " + number("n"))));
        check("POST", "/registrations/" + registeredBirth(mother, LocalDate.of(2026, 1, 4)) + "/revocation", REGISTRY_ONLY, 200,
                () -> Map.of("reason", "in error", "revokedBy", "official 1"));
    }

    @Test
    void registrationReads() {
        String mother = personId("F", LocalDate.of(1990, 11, 11));
        household(number("H"), member(mother, "Anna"));
        String registration = registeredBirth(mother, LocalDate.of(2026, 1, 5));
        check("GET", "/registrations/" + registration, READERS, 200, () -> null);
        check("GET", "/registrations/" + registration + "/history", READERS, 200, () -> null);
    }

    @Test
    void populationRegister() {
        String person = personId("F", LocalDate.of(1990, 12, 12));
        String home = number("H");
        household(home, member(person, "Anna"));
        check("PUT", "/households/" + number("H"), REGISTRY_ONLY, 200,
                () -> Map.of("reason", "INITIAL_LOAD", "members",
                        List.of(member(personId("M", LocalDate.of(1980, 12, 12)), "Jaan"))));
        check("GET", "/households/" + home, READERS, 200, () -> null);
        check("GET", "/persons/" + person, READERS, 200, () -> null);
        check("POST", "/moves", REGISTRY_ONLY, 200, () -> {
            String mover = personId("M", LocalDate.of(1981, 12, 12));
            household(number("H"), member(mover, "Mart"));
            return Map.of("changeNumber", number("M"), "personIds", List.of(mover), "toHouseholdId", home);
        });
        check("POST", "/custody-changes", REGISTRY_ONLY, 200, () -> {
            String child = personId("M", LocalDate.of(2015, 12, 12));
            household(number("H"), member(child, "Karl"));
            return Map.of("changeNumber", number("G"), "childId", child, "guardianIds", List.of(person));
        });
    }

    @Test
    void openCrvsBundles() {
        // The webhook beside it takes no token: OpenCRVS signs its calls instead (OpenCrvsIntakeTest).
        check("POST", "/opencrvs/bundles", REGISTRY_ONLY, 200, () -> {
            String mother = personId("F", LocalDate.of(1991, 1, 1));
            household(number("H"), member(mother, "Kati"));
            LocalDate born = LocalDate.of(2026, 1, 6);
            return Fixtures.bundle("birth-mother-only", Map.of("trackingId", number("T"), "registrationNumber",
                    number("B"), "childId", personId("F", born), "childGivenNames", "Mari", "childGender", "female",
                    "childBirthDate", born.toString(), "motherId", mother, "motherBirthDate", "1991-01-01"));
        });
    }

    @Test
    void backfill() {
        String line = "{\"type\": \"household\", \"householdId\": \"" + number("H") + "\", \"members\": [{\"personId\": \""
                + personId("F", LocalDate.of(1979, 1, 1))
                + "\", \"givenNames\": \"A\", \"familyName\": \"B\", \"sex\": \"F\", \"birthDate\": \"1979-01-01\"}]}\n";
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String job = registry().contentType("application/x-ndjson").body(new ByteArrayInputStream(bytes)).post("/backfill")
                .then().statusCode(202).extract().path("jobId");
        checkRaw("POST", "/backfill", REGISTRY_ONLY, 202, "application/x-ndjson", () -> bytes);
        check("GET", "/backfill/" + job, EnumSet.of(Caller.REGISTRY, Caller.AUDITOR), 200, () -> null);
    }

    private static String registeredBirth(String mother, LocalDate born) {
        String number = number("B");
        registry().body(birth(number, personId("M", born), mother)).post("/registrations/births")
                .then().statusCode(201);
        return number;
    }

    private static void check(String method, String path, Set<Caller> allowed, int status, Supplier<Object> body) {
        checkRaw(method, path, allowed, status, ContentType.JSON.toString(), body);
    }

    private static void checkRaw(String method, String path, Set<Caller> allowed, int status, String contentType,
            Supplier<Object> body) {
        Object forbiddenBody = body.get();
        send(given(), method, path, contentType, forbiddenBody).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        for (Caller caller : Caller.values()) {
            if (allowed.contains(caller)) {
                continue;
            }
            send(given().auth().oauth2(TestData.token(caller)), method, path, contentType, forbiddenBody)
                    .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
        for (Caller caller : allowed) {
            Object allowedBody = caller == Caller.REGISTRY && !method.equals("GET") ? body.get() : forbiddenBody;
            send(given().auth().oauth2(TestData.token(caller)), method, path, contentType, allowedBody)
                    .then().statusCode(status);
        }
    }

    private static io.restassured.response.Response send(RequestSpecification request, String method, String path,
            String contentType, Object body) {
        if (body instanceof byte[] bytes) {
            // A stream is sent as it is, whatever the content type; each request reads its own.
            request = request.contentType(contentType).body(new ByteArrayInputStream(bytes));
        } else if (body != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(method, path);
    }
}
