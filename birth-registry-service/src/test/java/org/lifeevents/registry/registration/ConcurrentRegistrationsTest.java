package org.lifeevents.registry.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.registry.TestData.birth;
import static org.lifeevents.registry.TestData.death;
import static org.lifeevents.registry.TestData.household;
import static org.lifeevents.registry.TestData.member;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * The same event registered 16 times at once under different numbers: the database decides, one registration wins,
 * and every other caller gets a 409 problem that names the winner; nothing is registered twice.
 */
@QuarkusTest
class ConcurrentRegistrationsTest {

    private static final int AT_ONCE = 16;

    @Inject
    EntityManager entityManager;

    @Test
    void sixteenDeathsOfOnePersonAtOnceRegisterOneAndRefuseTheRestNamingIt() throws Exception {
        String person = personId("M", LocalDate.of(1960, 4, 4));
        household(number("H"), member(person, "Ants"));

        List<Response> answers = atOnce(i -> registry().body(death(number("D"), person, "2026-03-01"))
                .post("/registrations/deaths"));

        String winner = onlyWinner(answers);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(AT_ONCE - 1).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).endsWith("person_already_deceased");
            assertThat(r.jsonPath().getString("detail")).contains(winner);
        });
        assertThat(activeRegistrations(person, "DEATH")).isEqualTo(1);
    }

    @Test
    void sixteenBirthsOfOneChildAtOnceRegisterOneAndRefuseTheRestNamingIt() throws Exception {
        String mother = personId("F", LocalDate.of(1993, 5, 5));
        household(number("H"), member(mother, "Maarja"));
        String child = personId("F", LocalDate.of(2026, 2, 2));

        List<Response> answers = atOnce(i -> registry().body(birth(number("B"), child, mother))
                .post("/registrations/births"));

        String winner = onlyWinner(answers);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(AT_ONCE - 1).allSatisfy(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).endsWith("birth_already_registered");
            assertThat(r.jsonPath().getString("detail")).contains(winner);
        });
        assertThat(activeRegistrations(child, "BIRTH")).isEqualTo(1);
    }

    /**
     * Sixteen custody changes of one child at once, each under its own number: the child's lock takes them one after the
     * other, each is applied (no 500 on a unique key, none lost), and the child ends with the guardians of one of them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void sixteenCustodyChangesOfOneChildAtOnceAreAppliedOneAfterTheOther() throws Exception {
        String child = personId("F", LocalDate.of(2015, 3, 3));
        List<String> guardians = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>(List.of(member(child, "Mia")));
        for (int i = 0; i < AT_ONCE; i++) {
            String guardian = personId(i % 2 == 0 ? "F" : "M", LocalDate.of(1960 + i, 1, 1));
            guardians.add(guardian);
            members.add(member(guardian, "Guardian " + i));
        }
        household(number("H"), members.toArray(Map[]::new));

        List<Response> answers = atOnce(i -> registry().body(Map.of("changeNumber", number("G"), "childId", child,
                "guardianIds", List.of(guardians.get(i)), "effectiveFrom", "2026-02-03")).post("/custody-changes"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        List<String> now = registry().get("/persons/" + child).then().statusCode(200).extract().jsonPath()
                .getList("guardianIds", String.class);
        assertThat(now).hasSize(1);
        assertThat(guardians).contains(now.get(0));
    }

    /** One custody change sent sixteen times at once under one number: applied once, every caller the same answer. */
    @Test
    void oneCustodyChangeSentSixteenTimesAtOnceIsAppliedOnce() throws Exception {
        String child = personId("M", LocalDate.of(2016, 4, 4));
        String guardian = personId("F", LocalDate.of(1962, 2, 2));
        household(number("H"), member(child, "Oskar"), member(guardian, "Helgi"));
        String changeNumber = number("G");
        Map<String, Object> custody = Map.of("changeNumber", changeNumber, "childId", child, "guardianIds",
                List.of(guardian), "effectiveFrom", "2026-02-03");

        List<Response> answers = atOnce(i -> registry().body(custody).post("/custody-changes"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(r -> r.jsonPath().getLong("households[0].version"))
                .containsOnly(answers.get(0).jsonPath().getLong("households[0].version"));
        long recorded = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from registry_write where write_number = ?1")
                .setParameter(1, changeNumber).getSingleResult()).longValue());
        assertThat(recorded).isEqualTo(1);
    }

    /** Exactly one 201; returns its registration number. */
    private static String onlyWinner(List<Response> answers) {
        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 409);
        List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).hasSize(1);
        return created.get(0).jsonPath().getString("registrationNumber");
    }

    private long activeRegistrations(String subject, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                select count(*) from registration where subject_person_id = ?1 and kind = ?2 and status = 'ACTIVE'
                """).setParameter(1, subject).setParameter(2, kind).getSingleResult()).longValue());
    }

    private interface Call {
        Response call(int i);
    }

    /** Sends the calls together: all threads wait at one latch, then fire. */
    private static List<Response> atOnce(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.call(n);
                };
                sent.add(pool.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
