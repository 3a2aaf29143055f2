package org.lifeevents.registry.registration;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.outbox.OutboxWriter;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.Address;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.registry.household.Household;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;
import org.lifeevents.registry.write.WriteContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers many births of a backfill at once: the API's rules ({@link BirthChecks}, the newborn-household rule,
 * idempotency on the registration number) and the API's events and rows, but set-based. What the births need is read
 * with a few {@code = any(?)} queries, the births are checked and applied in memory, and the rows and outbox events are
 * written with JDBC batches (rewritten into multi-row inserts by the driver), all in the caller's transaction.
 * <p>
 * A batch holds births that touch disjoint registration numbers, persons and households; the next birth that touches
 * one of them (twins, a repeated line, two mothers in one household) starts a new batch after the first one is written,
 * so every birth sees the ones before it as the API would. A birth whose child is already a person of the register, or
 * with a parent who is not in the register, goes one by one through {@link BirthRegistrationService}, whose rules for
 * those cases are not repeated here.
 */
@ApplicationScoped
public class BirthBatch {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RequestChecks checks;

    @Inject
    IdempotentWrites writes;

    @Inject
    BirthRegistrationService births;

    @Inject
    ObjectMapper json;

    /** One birth line of a backfill file. */
    public record Line(long number, BirthRegistrationRequest request, String correlationId) {
    }

    /** What became of the lines: refused (with the API's refusal), skipped (repeats), and those applied one by one. */
    public record Result(Map<Long, ProblemException> refused, Set<Long> skipped, List<Long> oneByOne) {
    }

    private enum Outcome {
        DONE,
        NEXT_BATCH,
        ONE_BY_ONE
    }

    @Transactional(TxType.MANDATORY)
    public Result register(List<Line> lines, String recordedBy) {
        Result result = new Result(new LinkedHashMap<>(), new HashSet<>(), new ArrayList<>());
        Session session = entityManager.unwrap(Session.class);
        int next = 0;
        while (next < lines.size()) {
            entityManager.flush();
            entityManager.clear();
            List<Line> rest = lines.subList(next, lines.size());
            // One reading for the batch: its births are checked against one business date and carry one time.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Batch batch = new Batch(now, LocalDate.ofInstant(now, clock.getZone()), recordedBy);
            int[] stop = { rest.size() };
            Outcome[] last = { Outcome.DONE };
            session.doWork(connection -> {
                batch.read(connection, rest);
                for (int i = 0; i < rest.size(); i++) {
                    Outcome outcome = batch.decide(rest.get(i), result);
                    if (outcome != Outcome.DONE) {
                        stop[0] = i;
                        last[0] = outcome;
                        break;
                    }
                }
                batch.write(connection);
            });
            next += stop[0];
            if (last[0] == Outcome.ONE_BY_ONE) {
                Line line = lines.get(next++);
                result.oneByOne().add(line.number());
                try {
                    RegistrationReceipt receipt = births.register(line.request(),
                            new WriteContext(line.correlationId(), recordedBy));
                    if (!receipt.correlationId().equals(line.correlationId())) {
                        result.skipped().add(line.number());
                    }
                } catch (ProblemException e) {
                    result.refused().put(line.number(), e);
                }
            }
        }
        entityManager.flush();
        entityManager.clear();
        return result;
    }

    /** The register as the batch's births read it, and what they write. */
    private final class Batch implements BirthChecks.Register {

        final Instant now;
        final LocalDate today;
        final String recordedBy;

        final Map<String, String[]> earlier = new HashMap<>();
        final Map<String, Person> persons = new HashMap<>();
        final Map<String, String> currentHousehold = new HashMap<>();
        final Map<String, Household> households = new HashMap<>();
        final Map<String, List<Membership>> memberships = new HashMap<>();
        final Map<String, Map<String, List<String>>> adults = new HashMap<>();
        final Map<String, List<BirthChecks.Sibling>> children = new HashMap<>();

        final Set<String> touchedNumbers = new HashSet<>();
        final Set<String> touchedPersons = new HashSet<>();
        final Set<String> touchedHouseholds = new HashSet<>();

        final List<Person> newPersons = new ArrayList<>();
        final List<String[]> links = new ArrayList<>();
        final List<Membership> joined = new ArrayList<>();
        final Set<Household> changed = new HashSet<>();
        final List<String[]> registrations = new ArrayList<>();
        final List<OutboxWriter.Row> events = new ArrayList<>();

        Batch(Instant now, LocalDate today, String recordedBy) {
            this.now = now;
            this.today = today;
            this.recordedBy = recordedBy;
        }

        @Override
        public Person person(String personId) {
            return persons.get(personId);
        }

        @Override
        public List<BirthChecks.Sibling> childrenOf(String motherId) {
            return children.getOrDefault(motherId, List.of());
        }

        /** Applies one birth to the batch, or says that it belongs to the next batch or goes one by one. */
        Outcome decide(Line line, Result result) {
            BirthRegistrationRequest request = line.request();
            FieldErrors errors = checks.check(request);
            if (request == null || errors.has("registrationNumber")) {
                if (errors.isEmpty()) {
                    return Outcome.ONE_BY_ONE;
                }
                result.refused().put(line.number(), ProblemException.invalid(errors.list()));
                return Outcome.DONE;
            }
            String number = request.registrationNumber();
            Set<String> people = new HashSet<>();
            addIfValid(people, request.childId());
            addIfValid(people, request.motherId());
            addIfValid(people, request.fatherId());
            addIfValid(people, request.mother() == null ? null : request.mother().personId());
            addIfValid(people, request.father() == null ? null : request.father().personId());
            if (touchedNumbers.contains(number) || people.stream().anyMatch(touchedPersons::contains)) {
                return Outcome.NEXT_BATCH;
            }
            IdempotentWrites.Write write = idempotentWrite(request);
            String[] before = earlier.get(number);
            if (before != null) {
                try {
                    writes.answerTo(write, json.valueToTree(request), before[0], before[1], RegistrationReceipt.class);
                    result.skipped().add(line.number());
                } catch (ProblemException e) {
                    result.refused().put(line.number(), e);
                }
                return Outcome.DONE;
            }
            BirthChecks.Facts facts = BirthChecks.check(request, null, errors, today, this);
            if (!errors.isEmpty()) {
                result.refused().put(line.number(), ProblemException.invalid(errors.list()));
                return Outcome.DONE;
            }
            if (persons.containsKey(request.childId()) || notInRegister(facts.mother())
                    || notInRegister(facts.father())) {
                return Outcome.ONE_BY_ONE;
            }
            String householdId = BirthRegistrationService.newbornHousehold(facts,
                    personId -> Optional.ofNullable(currentHousehold.get(personId)));
            if (householdId != null && (touchedHouseholds.contains(householdId) || !households.containsKey(householdId))) {
                return households.containsKey(householdId) ? Outcome.NEXT_BATCH : Outcome.ONE_BY_ONE;
            }
            touchedNumbers.add(number);
            touchedPersons.addAll(people);
            apply(line, request, facts, householdId);
            return Outcome.DONE;
        }

        private void apply(Line line, BirthRegistrationRequest request, BirthChecks.Facts facts, String householdId) {
            Person child = new Person();
            child.personId = request.childId();
            child.givenNames = request.givenNames();
            child.familyName = request.familyName();
            child.sex = request.sex();
            child.birthDate = facts.birthDate();
            child.childrenInBirth = request.childrenInBirth();
            child.birthOrder = request.birthOrder();
            child.inPopulationRegister = true;
            newPersons.add(child);
            persons.put(child.personId, child);
            for (BirthChecks.Parent parent : new BirthChecks.Parent[] { facts.mother(), facts.father() }) {
                if (parent != null && parent.personId() != null) {
                    links.add(new String[] { child.personId, parent.personId() });
                    adults.computeIfAbsent(child.personId, k -> new HashMap<>())
                            .computeIfAbsent(ResponsibleAdult.PARENT, k -> new ArrayList<>()).add(parent.personId());
                }
            }

            BirthRecord record = BirthRecords.of(request.registrationNumber(), request, facts, householdId);
            events.add(new OutboxWriter.Row(Topics.REGISTRATIONS, request.childId(), BirthRegisteredEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(now)
                    .setCorrelationId(line.correlationId())
                    .setRegisteredAt(now)
                    .setBirth(record)
                    .build()));
            if (householdId != null) {
                touchedHouseholds.add(householdId);
                Membership membership = new Membership(householdId, child.personId, facts.birthDate(), null);
                joined.add(membership);
                memberships.computeIfAbsent(householdId, k -> new ArrayList<>()).add(membership);
                currentHousehold.put(child.personId, householdId);
                publish(householdId, facts.birthDate(), line.correlationId());
            }

            RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), Registration.BIRTH,
                    request.childId(), householdId, line.correlationId(), now);
            String requestJson = json.valueToTree(request).toString();
            registrations.add(new String[] { request.registrationNumber(), request.childId(), requestJson,
                    json.valueToTree(receipt).toString(), facts.birthDate().toString(), householdId,
                    line.correlationId() });
        }

        /** The household's state from the birth date, as {@link HouseholdSnapshots#publish} would publish it. */
        private void publish(String householdId, LocalDate effectiveFrom, String correlationId) {
            Household household = households.get(householdId);
            Address address = HouseholdSnapshots.address(household);
            Map<String, Membership> byPerson = new LinkedHashMap<>();
            memberships.getOrDefault(householdId, List.of()).stream()
                    .filter(m -> m.until() == null || !m.until().isBefore(effectiveFrom))
                    .sorted(Comparator.comparing(Membership::since).thenComparing(Membership::personId))
                    .forEach(m -> byPerson.merge(m.personId(), m, (a, b) -> a.until() == null ? a : b));
            List<org.lifeevents.events.registry.HouseholdMember> members = byPerson.values().stream()
                    .map(this::member).toList();
            String hash = HouseholdSnapshots.hash(address, members);
            if (hash.equals(household.stateHash)) {
                return;
            }
            household.version++;
            household.stateHash = hash;
            changed.add(household);
            events.add(new OutboxWriter.Row(Topics.HOUSEHOLDS, householdId, HouseholdChangedEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(now)
                    .setCorrelationId(correlationId)
                    .setHouseholdId(householdId)
                    .setVersion(household.version)
                    .setEffectiveFrom(effectiveFrom)
                    .setReason("BIRTH")
                    .setAddress(address)
                    .setMembers(members)
                    .build()));
        }

        private org.lifeevents.events.registry.HouseholdMember member(Membership membership) {
            Person person = persons.get(membership.personId());
            Map<String, List<String>> byRelation = adults.getOrDefault(person.personId, Map.of());
            return org.lifeevents.events.registry.HouseholdMember.newBuilder()
                    .setPersonId(person.personId)
                    .setGivenNames(person.givenNames)
                    .setFamilyName(person.familyName)
                    .setSex(person.sex)
                    .setBirthDate(person.birthDate)
                    .setDateOfDeath(person.dateOfDeath)
                    .setMemberSince(membership.since())
                    .setInPopulationRegister(person.inPopulationRegister)
                    .setSpouseId(person.spouseId)
                    .setLegalParentIds(List.copyOf(new TreeSet<>(
                            byRelation.getOrDefault(ResponsibleAdult.PARENT, List.of()))))
                    .setGuardianIds(List.copyOf(new TreeSet<>(
                            byRelation.getOrDefault(ResponsibleAdult.GUARDIAN, List.of()))))
                    .setChildrenInBirth(person.childrenInBirth)
                    .setBirthOrder(person.birthOrder)
                    .build();
        }

        /** Reads, for all the lines, what their checks and their household snapshots need. */
        void read(Connection connection, List<Line> lines) throws SQLException {
            Set<String> numbers = new TreeSet<>();
            Set<String> people = new HashSet<>();
            Set<String> parents = new HashSet<>();
            for (Line line : lines) {
                BirthRegistrationRequest request = line.request();
                if (request == null) {
                    continue;
                }
                if (request.registrationNumber() != null) {
                    numbers.add(request.registrationNumber());
                }
                addIfValid(people, request.childId());
                addIfValid(parents, request.motherId());
                addIfValid(parents, request.fatherId());
                addIfValid(parents, request.mother() == null ? null : request.mother().personId());
                addIfValid(parents, request.father() == null ? null : request.father().personId());
            }
            people.addAll(parents);
            // The API's per-number lock, taken for the whole batch in one order, so an API call with one of these
            // numbers waits for the backfill's chunk (and the other way round) instead of registering twice.
            try (PreparedStatement statement = connection.prepareStatement("""
                    select pg_advisory_xact_lock(hashtext(k))
                    from (select k from unnest(?::text[]) as k order by k) as keys""")) {
                statement.setArray(1, connection.createArrayOf("text",
                        numbers.stream().map(n -> IdempotentWrites.REGISTRATION + ":" + n).sorted().toArray()));
                statement.executeQuery().close();
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select write_number, request_json::text, response_json::text from registry_write
                    where scope = ? and write_number = any(?)""")) {
                statement.setString(1, IdempotentWrites.REGISTRATION);
                statement.setArray(2, connection.createArrayOf("text", numbers.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        earlier.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
                    }
                }
            }
            readPersons(connection, people);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select person_id, household_id from household_member
                    where member_until is null and person_id = any(?)""")) {
                statement.setArray(1, personIds(connection, people));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        currentHousehold.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Set<String> householdIds = new TreeSet<>(currentHousehold.values());
            // Locked as HouseholdSnapshots locks them, so their versions are handed out in commit order.
            try (PreparedStatement statement = connection.prepareStatement("""
                    select household_id, version, state_hash, street, postal_code, municipality, country_code
                    from household where household_id = any(?) order by household_id for update""")) {
                statement.setArray(1, connection.createArrayOf("text", householdIds.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Household household = new Household();
                        household.householdId = rs.getString(1);
                        household.version = rs.getLong(2);
                        household.stateHash = rs.getString(3);
                        household.street = rs.getString(4);
                        household.postalCode = rs.getString(5);
                        household.municipality = rs.getString(6);
                        household.countryCode = rs.getString(7);
                        households.put(household.householdId, household);
                    }
                }
            }
            Set<String> members = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select household_id, person_id, member_since, member_until from household_member
                    where household_id = any(?)""")) {
                statement.setArray(1, connection.createArrayOf("text", householdIds.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Membership membership = new Membership(rs.getString(1), rs.getString(2),
                                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
                        memberships.computeIfAbsent(membership.householdId(), k -> new ArrayList<>()).add(membership);
                        members.add(membership.personId());
                    }
                }
            }
            members.removeAll(persons.keySet());
            readPersons(connection, members);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select child_id, adult_id, relation from responsible_adult where child_id = any(?)""")) {
                statement.setArray(1, personIds(connection, persons.keySet()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        adults.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select ra.adult_id, r.registration_number, p.birth_date, p.person_id, p.children_in_birth,
                           p.birth_order
                    from responsible_adult ra
                    join person p on p.person_id = ra.child_id
                    join registration r on r.subject_person_id = p.person_id
                    where ra.relation = 'PARENT' and ra.adult_id = any(?) and r.kind = 'BIRTH' and r.status = 'ACTIVE'
                    """)) {
                statement.setArray(1, personIds(connection, parents));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new BirthChecks.Sibling(rs.getString(2), rs.getObject(3, LocalDate.class),
                                        rs.getString(4), rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
        }

        private void readPersons(Connection connection, Collection<String> ids) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select person_id, given_names, family_name, sex, birth_date, date_of_death, in_population_register,
                           spouse_id, children_in_birth, birth_order
                    from person where person_id = any(?)""")) {
                statement.setArray(1, personIds(connection, ids));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Person person = new Person();
                        person.personId = rs.getString(1);
                        person.givenNames = rs.getString(2);
                        person.familyName = rs.getString(3);
                        person.sex = rs.getString(4);
                        person.birthDate = rs.getObject(5, LocalDate.class);
                        person.dateOfDeath = rs.getObject(6, LocalDate.class);
                        person.inPopulationRegister = rs.getBoolean(7);
                        person.spouseId = rs.getString(8);
                        person.childrenInBirth = rs.getInt(9);
                        person.birthOrder = rs.getInt(10);
                        persons.put(person.personId, person);
                    }
                }
            }
        }

        void write(Connection connection) throws SQLException {
            if (registrations.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into person (person_id, given_names, family_name, sex, birth_date, in_population_register,
                                        children_in_birth, birth_order)
                    values (?, ?, ?, ?, ?, true, ?, ?)""")) {
                for (Person person : newPersons) {
                    statement.setString(1, person.personId);
                    statement.setString(2, person.givenNames);
                    statement.setString(3, person.familyName);
                    statement.setString(4, person.sex);
                    statement.setObject(5, person.birthDate);
                    statement.setInt(6, person.childrenInBirth);
                    statement.setInt(7, person.birthOrder);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into responsible_adult (child_id, adult_id, relation) values (?, ?, ?)")) {
                for (String[] link : links) {
                    statement.setString(1, link[0]);
                    statement.setString(2, link[1]);
                    statement.setString(3, ResponsibleAdult.PARENT);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into household_member (household_id, person_id, member_since) values (?, ?, ?)")) {
                for (Membership membership : joined) {
                    statement.setString(1, membership.householdId());
                    statement.setString(2, membership.personId());
                    statement.setObject(3, membership.since());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "update household set version = ?, state_hash = ? where household_id = ?")) {
                for (Household household : changed) {
                    statement.setLong(1, household.version);
                    statement.setString(2, household.stateHash);
                    statement.setString(3, household.householdId);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            var at = now.atOffset(ZoneOffset.UTC);
            try (PreparedStatement registration = connection.prepareStatement("""
                    insert into registration (registration_number, kind, subject_person_id, status, request_json,
                                              response_json, record_json, event_date, household_id, created_person,
                                              correlation_id, registered_at, updated_at)
                    values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, true, ?, ?, ?)""");
                    PreparedStatement write = connection.prepareStatement("""
                            insert into registry_write (scope, write_number, kind, registration_number, request_json,
                                                        response_json, correlation_id, recorded_by, recorded_at)
                            values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""")) {
                for (String[] row : registrations) {
                    registration.setString(1, row[0]);
                    registration.setString(2, Registration.BIRTH);
                    registration.setString(3, row[1]);
                    registration.setString(4, Registration.ACTIVE);
                    registration.setString(5, row[2]);
                    registration.setString(6, row[3]);
                    registration.setString(7, row[2]);
                    registration.setObject(8, LocalDate.parse(row[4]));
                    registration.setString(9, row[5]);
                    registration.setString(10, row[6]);
                    registration.setObject(11, at);
                    registration.setObject(12, at);
                    registration.addBatch();
                    write.setString(1, IdempotentWrites.REGISTRATION);
                    write.setString(2, row[0]);
                    write.setString(3, Registration.BIRTH);
                    write.setString(4, row[0]);
                    write.setString(5, row[2]);
                    write.setString(6, row[3]);
                    write.setString(7, row[6]);
                    write.setString(8, recordedBy);
                    write.setObject(9, at);
                    write.addBatch();
                }
                registration.executeBatch();
                write.executeBatch();
            }
            OutboxWriter.write(connection, events);
        }
    }

    /** A household membership: memberUntil is the last day, null while it lasts. */
    private record Membership(String householdId, String personId, LocalDate since, LocalDate until) {
    }

    private static IdempotentWrites.Write idempotentWrite(BirthRegistrationRequest request) {
        return new IdempotentWrites.Write(IdempotentWrites.REGISTRATION, request.registrationNumber(),
                Registration.BIRTH, request.registrationNumber(), request, "registration_number_reused");
    }

    private static boolean notInRegister(BirthChecks.Parent parent) {
        return parent != null && !parent.inPopulationRegister();
    }

    private static void addIfValid(Set<String> ids, String id) {
        if (id != null && PersonId.isValid(id)) {
            ids.add(id);
        }
    }

    /**
     * Person ids as {@code char(11)[]}: compared with a {@code text[]} the column would be cast to text and its index not
     * used.
     */
    private static Array personIds(Connection connection, Collection<String> ids) throws SQLException {
        return connection.createArrayOf("bpchar", ids.toArray());
    }
}
