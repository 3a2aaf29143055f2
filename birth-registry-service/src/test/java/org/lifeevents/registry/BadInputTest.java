package org.lifeevents.registry;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lifeevents.common.problem.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeevents.registry.TestData.number;
import static org.lifeevents.registry.TestData.personId;
import static org.lifeevents.registry.TestData.registry;

/**
 * Bad input, generated rather than picked: every field of a valid body of every write endpoint of the registry is
 * replaced, one at a time, by each value of a table of generators for its kind (text, date, person id, whole number,
 * flag, list, object), and every body as a whole is spoiled (trailing content, a second document, a key twice, deep
 * nesting, bytes that are not UTF-8, no object at all), as are the ids in the paths. Each of these thousands of requests
 * must be refused with a 4xx problem+json that has a code, and the database must be exactly as before, checked once per
 * field. At the end each valid body is sent once and accepted, so the refusals are the generators' doing.
 */
@QuarkusTest
class BadInputTest {

    private static final String MUTANT = "\"@@mutant@@\"";
    private static final int IN_FLIGHT = 8;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    /** What a field holds, which decides the values tried in it. */
    enum Kind {
        TEXT,
        DATE,
        TIME,
        PERSON_ID,
        NUMBER,
        WHOLE,
        FLAG,
        LIST,
        OBJECT
    }

    /** A write endpoint with a valid body for it. */
    record Endpoint(String name, String method, String path, ObjectNode body, List<String> badPaths) {
    }

    /** One bad request: what it is and its bytes. */
    record Case(String label, String method, String path, byte[] body) {
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryWriteEndpointRefusesEveryBadValueAndChangesNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, JsonNode> leaves = new LinkedHashMap<>();
            collect(endpoint.body(), "", leaves);
            for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
                String field = leaf.getKey();
                Kind kind = kind(field, leaf.getValue());
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " " + field + " (" + kind + ")",
                        () -> refusedAndNothingChanged(fieldCases(endpoint, field, kind))));
            }
            tests.add(DynamicTest.dynamicTest(endpoint.name() + " whole body",
                    () -> refusedAndNothingChanged(bodyCases(endpoint))));
            if (!endpoint.badPaths().isEmpty()) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " path",
                        () -> refusedAndNothingChanged(endpoint.badPaths().stream()
                                .map(path -> new Case("path " + path, endpoint.method(), path,
                                        endpoint.body().toString().getBytes(StandardCharsets.UTF_8)))
                                .toList())));
            }
        }
        for (Endpoint endpoint : endpoints) {
            tests.add(DynamicTest.dynamicTest(endpoint.name() + " valid body is accepted", () -> {
                HttpResponse<String> response = send(new Case("valid", endpoint.method(), endpoint.path(),
                        endpoint.body().toString().getBytes(StandardCharsets.UTF_8))).join();
                assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            }));
        }
        return tests.stream();
    }

    /** The registry's write endpoints, each with a valid body over a small register set up here. */
    private List<Endpoint> endpoints() throws Exception {
        String mother = personId("F", LocalDate.of(1990, 5, 5));
        String father = personId("M", LocalDate.of(1988, 6, 6));
        String child = personId("F", LocalDate.of(2015, 7, 7));
        String lodger = personId("M", LocalDate.of(1970, 8, 8));
        String home = number("H");
        TestData.household(home, TestData.member(mother, "Kadri"), TestData.member(father, "Toomas"),
                TestData.member(child, "Liisa"));
        TestData.household(number("H"), TestData.member(lodger, "Ants"));
        String otherMother = personId("F", LocalDate.of(1992, 11, 11));
        TestData.household(number("H"), TestData.member(otherMother, "Piret"));
        String firstBirth = number("B");
        String newborn = personId("M", LocalDate.of(2025, 1, 10));
        registry().body(TestData.birth(firstBirth, newborn, mother)).post("/registrations/births").then()
                .statusCode(201);

        String newMember = personId("F", LocalDate.of(1995, 9, 9));
        String newChild = personId("M", LocalDate.of(2020, 10, 10));
        ObjectNode household = object("""
                {"reason": "INITIAL_LOAD", "effectiveFrom": "2024-06-01",
                 "address": {"street": "Pikk 12-3", "postalCode": "10123", "municipality": "Tallinn", "countryCode": "EE"},
                 "members": [
                   {"personId": "%s", "givenNames": "Anna", "familyName": "Mets", "sex": "F", "birthDate": "1995-09-09",
                    "memberSince": "2024-06-01"},
                   {"personId": "%s", "givenNames": "Rasmus", "familyName": "Mets", "sex": "M", "birthDate": "2020-10-10",
                    "legalParentIds": ["%s"], "guardianIds": []}]}""".formatted(newMember, newChild, newMember));
        String newHome = number("H");
        ObjectNode move = object("""
                {"changeNumber": "%s", "personIds": ["%s"], "toHouseholdId": "%s", "effectiveFrom": "2025-03-01",
                 "address": {"street": "Tähe 4", "postalCode": "50103", "municipality": "Tartu", "countryCode": "EE"}}"""
                .formatted(number("M"), lodger, number("H")));
        ObjectNode custody = object("""
                {"changeNumber": "%s", "childId": "%s", "legalParentIds": ["%s", "%s"], "guardianIds": ["%s"],
                 "effectiveFrom": "2025-04-15"}""".formatted(number("G"), child, mother, father, lodger));
        String secondChild = personId("F", LocalDate.of(2025, 2, 11));
        ObjectNode birth = object("""
                {"registrationNumber": "%s", "childId": "%s", "givenNames": "Mari", "familyName": "Tamm", "sex": "F",
                 "birthDate": "2025-02-11", "birthTime": "08:15", "placeOfBirth": "Tallinn", "motherId": "%s",
                 "father": {"givenNames": "Pierre", "familyName": "Martin", "notInPopulationRegister": true},
                 "childrenInBirth": 1, "birthOrder": 1}""".formatted(number("B"), secondChild, otherMother));
        ObjectNode death = object("""
                {"registrationNumber": "%s", "personId": "%s", "dateOfDeath": "2025-08-01", "placeOfDeath": "Tartu"}"""
                .formatted(number("D"), lodger));
        ObjectNode correction = object("""
                {"correctionNumber": "%s", "reason": "formal_correction", "effectiveFrom": "2025-05-04",
                 "correctedBy": "official 4711", "changes": {"givenNames": "Mari-Liis", "birthTime": "09:30"}}"""
                .formatted(number("C")));
        ObjectNode revocation = object("""
                {"reason": "Registered twice by the hospital", "revokedBy": "official 4711"}""");
        List<String> badIds = List.of("H%00x", "H%20", "%20H", "H%0A", "H%C3%28", "H%E2%80%8B", "x".repeat(41),
                "H%2F1", "H.1", "%F0%9F%98%80");
        return List.of(
                new Endpoint("PUT /households", "PUT", "/households/" + newHome, household,
                        badIds.stream().map(id -> "/households/" + id).toList()),
                new Endpoint("POST /moves", "POST", "/moves", move, List.of()),
                new Endpoint("POST /custody-changes", "POST", "/custody-changes", custody, List.of()),
                new Endpoint("POST /registrations/births", "POST", "/registrations/births", birth, List.of()),
                new Endpoint("POST /registrations/deaths", "POST", "/registrations/deaths", death, List.of()),
                new Endpoint("POST corrections", "POST", "/registrations/" + firstBirth + "/corrections", correction,
                        badIds.stream().map(id -> "/registrations/" + id.replace('H', 'B') + "/corrections")
                                .toList()),
                new Endpoint("POST revocation", "POST", "/registrations/" + firstBirth + "/revocation", revocation,
                        badIds.stream().map(id -> "/registrations/" + firstBirth + id.replace("H", "") + "/revocation")
                                .toList()));
    }

    private static Kind kind(String field, JsonNode value) {
        String name = field.replaceAll("\\[\\d+]$", "").replaceAll(".*\\.", "");
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        if (value.isArray()) {
            return Kind.LIST;
        }
        if (value.isBoolean()) {
            return Kind.FLAG;
        }
        if (value.isIntegralNumber()) {
            return Kind.WHOLE;
        }
        if (name.endsWith("Date") || name.equals("effectiveFrom") || name.equals("memberSince")
                || name.equals("dateOfDeath")) {
            return Kind.DATE;
        }
        if (name.equals("birthTime")) {
            return Kind.TIME;
        }
        if (name.equals("personId") || name.equals("childId") || name.equals("motherId") || name.equals("fatherId")
                || name.equals("spouseId") || name.endsWith("ParentIds") || name.equals("guardianIds")
                || name.equals("personIds")) {
            return Kind.PERSON_ID;
        }
        return Kind.TEXT;
    }

    /** The values tried in a field of the kind, as JSON text (so that they can be what no JSON library would write). */
    private static List<String> values(Kind kind) {
        List<String> wrongTypes = List.of("true", "false", "2.5", "7", "-1", "1e3", "[\"x\"]", "{\"a\": \"b\"}", "[]",
                "{}");
        List<String> text = List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"a\\u0007b\"", "\"\\u001b[31mred\"",
                "\"a\\u007fb\"", "\"a\\ud800b\"", "\"\\udc00\"", "\"a\\ud83d\"", "\"\"", "\"   \"", "\"\\t\"",
                "\"" + "x".repeat(10_000) + "\"");
        List<String> values = new ArrayList<>();
        switch (kind) {
            case TEXT -> {
                values.addAll(text);
                values.addAll(wrongTypes);
            }
            case DATE -> {
                values.addAll(text);
                values.addAll(wrongTypes);
                values.addAll(List.of("\"0000-01-01\"", "\"-0001-01-01\"", "\"+2020-01-01\"", "\"10000-01-01\"",
                        "\"2025-02-30\"", "\"2025-13-01\"", "\"2025-2-3\"", "\"2025-02-03T00:00\"", "\"20250203\"",
                        "\" 2025-02-03\"", "\"2025-02-03 \"", "\"1799-12-31\"", "\"03.02.2025\""));
            }
            case TIME -> {
                values.addAll(text);
                values.addAll(wrongTypes);
                values.addAll(List.of("\"25:00\"", "\"8:15\"", "\"08:15:00.123456789x\"", "\"08-15\"", "\" 08:15\""));
            }
            case PERSON_ID -> {
                values.addAll(text);
                values.addAll(wrongTypes);
                values.addAll(List.of("\"12345678901\"", "\"4940313651\"", "\"494031365150\"", "\"49403136515 \"",
                        "\" 49403136515\"", "\"4940313651x\"", "\"99999999999\"", "\"49413136515\"",
                        "\"٤٩٤٠٣١٣٦٥١٥\""));
            }
            case WHOLE -> values.addAll(List.of("true", "false", "2.5", "1.0", "1e0", "\"1\"", "\"\"", "[1]", "{}", "0",
                    "-1", "13", "99999999999999999999", "\"a\\u0000\""));
            case FLAG -> values.addAll(List.of("\"true\"", "1", "0", "\"yes\"", "\"\"", "[true]", "{}", "2.5"));
            case LIST -> values.addAll(List.of("\"x\"", "{}", "true", "7", "[null]", "[[]]", "[{}]", "[true]", "[7]",
                    "[\"a\\u0000\"]"));
            case OBJECT -> values.addAll(List.of("\"x\"", "[]", "true", "7", "[{}]", "\"\""));
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return values;
    }

    private List<Case> fieldCases(Endpoint endpoint, String field, Kind kind) throws Exception {
        String template = withMutant(endpoint.body(), field);
        List<Case> cases = new ArrayList<>();
        for (String value : values(kind)) {
            cases.add(new Case(field + " = " + abbreviate(value), endpoint.method(), endpoint.path(),
                    template.replace(MUTANT, value).getBytes(StandardCharsets.UTF_8)));
        }
        // Bytes that are not UTF-8 inside the value (a lone continuation byte, an overlong slash, a UTF-16 surrogate
        // encoded as UTF-8, a byte no UTF-8 has).
        if (kind == Kind.TEXT || kind == Kind.DATE || kind == Kind.PERSON_ID) {
            for (byte[] bad : List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
                    new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF })) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int at = template.indexOf(MUTANT);
                bytes.writeBytes(template.substring(0, at).getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes("\"a".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(bad);
                bytes.writeBytes("b\"".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(template.substring(at + MUTANT.length()).getBytes(StandardCharsets.UTF_8));
                cases.add(new Case(field + " = invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad),
                        endpoint.method(), endpoint.path(), bytes.toByteArray()));
            }
        }
        return cases;
    }

    private List<Case> bodyCases(Endpoint endpoint) throws Exception {
        String valid = endpoint.body().toString();
        List<String> bodies = new ArrayList<>(List.of(valid + " x", valid + valid, valid + " {}", valid + " null",
                valid + ",", valid.substring(0, valid.length() - 1), "", " ", "null", "[]", "[" + valid + "]",
                "\"" + "x" + "\"", "7", "true", "{", "}", "{\"a\":}", valid.replace("\"", "'"),
                "{" + "\"deep\": ".repeat(1) + "[".repeat(5000) + "]".repeat(5000) + "}",
                valid.replaceFirst("\\{", "{\"deep\": " + "{\"a\": ".repeat(2000) + "1" + "}".repeat(2000) + ", "),
                valid.replaceFirst("\\{", "{\"unknownField\": 1, ")));
        Iterator<String> names = endpoint.body().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String first = json.writeValueAsString(name) + ": " + endpoint.body().get(name).toString();
            // The same key twice: once with its valid value and once with another (which one would win is the bug).
            bodies.add(valid.replaceFirst("\\{", "{" + first.replace("$", "\\$") + ", "));
            bodies.add(valid.replaceFirst("\\{", "{" + json.writeValueAsString(name).replace("$", "\\$")
                    + ": null, "));
        }
        List<Case> cases = new ArrayList<>();
        for (String body : bodies) {
            cases.add(new Case("body " + abbreviate(body), endpoint.method(), endpoint.path(),
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        return cases;
    }

    /** Sends every case (a few at a time), then asserts each was refused and the database did not change. */
    private void refusedAndNothingChanged(List<Case> cases) throws Exception {
        String before = checksum();
        List<CompletableFuture<String>> verdicts = new ArrayList<>();
        for (Case bad : cases) {
            verdicts.add(send(bad).handle((response, failure) -> verdict(bad, response, failure)));
        }
        List<String> failures = verdicts.stream().map(CompletableFuture::join).filter(v -> v != null).toList();
        assertThat(failures).as("%d of %d bad requests not refused with a problem", failures.size(), cases.size())
                .isEmpty();
        assertThat(checksum()).as("the database after %d refused requests", cases.size()).isEqualTo(before);
    }

    private static String verdict(Case bad, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            return bad.label() + " -> " + failure;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean problem = response.statusCode() >= 400 && response.statusCode() < 500
                && type.startsWith(Problem.MEDIA_TYPE) && response.body().matches("(?s).*\"code\":\"[a-z_]+\".*");
        return problem ? null
                : bad.label() + " -> " + response.statusCode() + " " + type + " " + abbreviate(response.body());
    }

    private CompletableFuture<HttpResponse<String>> send(Case bad) {
        inFlight.acquireUninterruptibly();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + bad.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestData.token(TestData.Caller.REGISTRY))
                .header("Content-Type", "application/json")
                .method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(bad.body()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> inFlight.release());
    }

    /** A digest of every row of every table (the outbox without its publishing time, which the relay sets). */
    private String checksum() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder digest = new StringBuilder();
            for (String table : tables) {
                String rows = table.equals("outbox_event") ? "t.id::text || t.event_id::text" : "t::text";
                try (ResultSet rs = statement.executeQuery("select count(*), md5(coalesce(string_agg(md5(" + rows
                        + "), '' order by md5(" + rows + ")), '')) from " + table + " t")) {
                    rs.next();
                    digest.append(table).append('=').append(rs.getLong(1)).append(':').append(rs.getString(2))
                            .append('\n');
                }
            }
            return digest.toString();
        }
    }

    /** Every field of the body by its path (a.b[0].c), lists and objects as well as what they hold. */
    private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            if (!path.isEmpty()) {
                leaves.put(path, node);
            }
            node.fields().forEachRemaining(
                    entry -> collect(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(),
                            leaves));
        } else if (node.isArray()) {
            leaves.put(path, node);
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /** The body as JSON text with the field at the path replaced by a marker. */
    private static String withMutant(ObjectNode body, String path) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        String[] steps = path.split("(?=\\[)|\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        TextNode marker = TextNode.valueOf("@@mutant@@");
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), marker);
        } else {
            ((ObjectNode) parent).set(last, marker);
        }
        return copy.toString();
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
    }

    private ObjectNode object(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
