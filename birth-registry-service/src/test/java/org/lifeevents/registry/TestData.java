package org.lifeevents.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.localservers.KeycloakTokens;
import org.lifeevents.localservers.testing.KeycloakTestResource;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Test data that never collides between tests (fresh person ids, household ids and numbers each time) and real tokens
 * of the demo realm, one per role, cached while they are valid.
 */
public final class TestData {

    /** A token of each role of the realm, and who holds it. */
    public enum Caller {
        REGISTRY,
        TAX_FEED,
        CITIZEN,
        CASEWORKER,
        AUDITOR,
        PAYMENT_OPERATOR
    }

    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static final Map<Caller, String> TOKENS = new ConcurrentHashMap<>();
    /**
     * When each token was fetched, in {@link System#nanoTime()}: a token expires in Keycloak's real time, not on the
     * business date the service lives on.
     */
    private static final Map<Caller, Long> FETCHED = new ConcurrentHashMap<>();
    private static final long TOKEN_REUSE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private TestData() {
    }

    /** A valid person id not used before in this run. */
    public static String personId(String sex, LocalDate birthDate) {
        return PersonId.of(sex, birthDate, SERIAL.incrementAndGet() % 1000).value();
    }

    /** A fresh number or household id with the given prefix. */
    public static String number(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String token(Caller caller) {
        Long fetched = FETCHED.get(caller);
        if (fetched == null || System.nanoTime() - fetched > TOKEN_REUSE_NANOS) {
            KeycloakTokens tokens = new KeycloakTokens(
                    ConfigProvider.getConfig().getValue(KeycloakTestResource.REALM_URL, String.class));
            TOKENS.put(caller, switch (caller) {
                case REGISTRY -> tokens.registry();
                case TAX_FEED -> tokens.taxFeed();
                case CITIZEN -> tokens.person("kati");
                case CASEWORKER -> tokens.person("carl");
                case AUDITOR -> tokens.person("aino");
                case PAYMENT_OPERATOR -> tokens.person("otto");
            });
            FETCHED.put(caller, System.nanoTime());
        }
        return TOKENS.get(caller);
    }

    public static RequestSpecification as(Caller caller) {
        return given().auth().oauth2(token(caller)).contentType(ContentType.JSON);
    }

    public static RequestSpecification registry() {
        return as(Caller.REGISTRY);
    }

    /** A household member body for PUT /households/{id}. */
    public static Map<String, Object> member(String personId, String givenNames) {
        PersonId id = new PersonId(personId);
        Map<String, Object> member = new HashMap<>();
        member.put("personId", personId);
        member.put("givenNames", givenNames);
        member.put("familyName", "Test");
        member.put("sex", id.sex());
        member.put("birthDate", id.birthDate().toString());
        return member;
    }

    /** Loads a household through the API with the given members (bodies from {@link #member}). */
    @SafeVarargs
    public static void household(String householdId, Map<String, Object>... members) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "INITIAL_LOAD");
        body.put("effectiveFrom", "2020-01-01");
        body.put("address", Map.of("street", "Pikk 1", "postalCode", "10123", "municipality", "Tallinn",
                "countryCode", "EE"));
        List<Map<String, Object>> list = new ArrayList<>(List.of(members));
        for (Map<String, Object> member : list) {
            LocalDate birth = LocalDate.parse((String) member.get("birthDate"));
            member.putIfAbsent("memberSince", birth.isAfter(LocalDate.of(2020, 1, 1)) ? birth.toString() : "2020-01-01");
        }
        body.put("members", list);
        registry().body(body).put("/households/" + householdId).then().statusCode(200);
    }

    /** A valid birth body; change what a test needs. */
    public static Map<String, Object> birth(String number, String childId, String motherId) {
        Map<String, Object> body = new HashMap<>();
        body.put("registrationNumber", number);
        body.put("childId", childId);
        body.put("givenNames", "Mari");
        body.put("familyName", "Test");
        boolean valid = PersonId.isValid(childId);
        body.put("sex", valid ? new PersonId(childId).sex() : "F");
        body.put("birthDate", valid ? new PersonId(childId).birthDate().toString() : "2026-01-01");
        body.put("placeOfBirth", "Tallinn");
        if (motherId != null) {
            body.put("motherId", motherId);
        }
        body.put("childrenInBirth", 1);
        body.put("birthOrder", 1);
        return body;
    }

    public static Map<String, Object> death(String number, String personId, String dateOfDeath) {
        Map<String, Object> body = new HashMap<>();
        body.put("registrationNumber", number);
        body.put("personId", personId);
        body.put("dateOfDeath", dateOfDeath);
        body.put("placeOfDeath", "Tartu");
        return body;
    }
}
