package org.lifeevents.registry.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.lifeevents.common.outbox.OutboxWriter;
import org.lifeevents.common.problem.ProblemException;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.BirthRecord;
import org.lifeevents.events.registry.BirthRegisteredEvent;
import org.lifeevents.registry.bulk.ChunkRegister;
import org.lifeevents.registry.bulk.ChunkSql;
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
    private final class Batch extends ChunkRegister implements BirthChecks.Register {

        final String recordedBy;

        final Map<String, String[]> earlier = new HashMap<>();
        final Map<String, List<BirthChecks.Sibling>> children = new HashMap<>();

        final Set<String> touchedNumbers = new HashSet<>();
        final Set<String> touchedPersons = new HashSet<>();
        final Set<String> touchedHouseholds = new HashSet<>();

        final List<Person> newPersons = new ArrayList<>();
        final List<String[]> links = new ArrayList<>();
        final List<Membership> joined = new ArrayList<>();
        final List<RegistrationRows.Row> registrations = new ArrayList<>();

        Batch(Instant now, LocalDate today, String recordedBy) {
            super(now, today);
            this.recordedBy = recordedBy;
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
            ChunkSql.addIfValid(people, request.childId());
            ChunkSql.addIfValid(people, request.motherId());
            ChunkSql.addIfValid(people, request.fatherId());
            ChunkSql.addIfValid(people, request.mother() == null ? null : request.mother().personId());
            ChunkSql.addIfValid(people, request.father() == null ? null : request.father().personId());
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
                publish(householdId, "BIRTH", facts.birthDate(), line.correlationId());
            }

            RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), Registration.BIRTH,
                    request.childId(), householdId, line.correlationId(), now);
            String requestJson = json.valueToTree(request).toString();
            registrations.add(new RegistrationRows.Row(request.registrationNumber(), Registration.BIRTH,
                    request.childId(), requestJson, json.valueToTree(receipt).toString(), facts.birthDate(), householdId,
                    true, null, null, null, line.correlationId()));
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
                ChunkSql.addIfValid(people, request.childId());
                ChunkSql.addIfValid(parents, request.motherId());
                ChunkSql.addIfValid(parents, request.fatherId());
                ChunkSql.addIfValid(parents, request.mother() == null ? null : request.mother().personId());
                ChunkSql.addIfValid(parents, request.father() == null ? null : request.father().personId());
            }
            people.addAll(parents);
            earlier.putAll(RegistrationRows.lockAndReadEarlier(connection, numbers));
            readPersons(connection, people);
            readCurrentHouseholds(connection, people);
            lockHouseholds(connection, currentHousehold.values());
            readAdults(connection, persons.keySet());
            // The parents' children first, then their births: a backfill grows these tables faster than autovacuum
            // analyzes them, and on the statistics of the empty tables the planner started from every birth
            // registration instead (0.6 s per batch at 2,000 families, growing with the register).
            ChunkSql.query(connection, """
                    with ra as materialized (
                        select adult_id, child_id from responsible_adult
                        where relation = 'PARENT' and adult_id = any(?))
                    select ra.adult_id, r.registration_number, p.birth_date, p.person_id, p.children_in_birth,
                           p.birth_order
                    from ra
                    join person p on p.person_id = ra.child_id
                    join registration r on r.subject_person_id = p.person_id
                    where r.kind = 'BIRTH' and r.status = 'ACTIVE'
                    """, ChunkSql.personIds(connection, parents), rs -> children
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new BirthChecks.Sibling(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getInt(5), rs.getInt(6))));
        }

        void write(Connection connection) throws SQLException {
            if (registrations.isEmpty()) {
                return;
            }
            ChunkSql.batch(connection, """
                    insert into person (person_id, given_names, family_name, sex, birth_date, in_population_register,
                                        children_in_birth, birth_order)
                    values (?, ?, ?, ?, ?, true, ?, ?)""", newPersons, (statement, person) -> {
                statement.setString(1, person.personId);
                statement.setString(2, person.givenNames);
                statement.setString(3, person.familyName);
                statement.setString(4, person.sex);
                statement.setObject(5, person.birthDate);
                statement.setInt(6, person.childrenInBirth);
                statement.setInt(7, person.birthOrder);
            });
            ChunkSql.batch(connection, "insert into responsible_adult (child_id, adult_id, relation) values (?, ?, ?)",
                    links, (statement, link) -> {
                        statement.setString(1, link[0]);
                        statement.setString(2, link[1]);
                        statement.setString(3, ResponsibleAdult.PARENT);
                    });
            ChunkSql.batch(connection,
                    "insert into household_member (household_id, person_id, member_since) values (?, ?, ?)", joined,
                    (statement, membership) -> {
                        statement.setString(1, membership.householdId());
                        statement.setString(2, membership.personId());
                        statement.setObject(3, membership.since());
                    });
            RegistrationRows.write(connection, registrations, recordedBy, now);
            writeHouseholdsAndEvents(connection);
        }
    }

    private static IdempotentWrites.Write idempotentWrite(BirthRegistrationRequest request) {
        return new IdempotentWrites.Write(IdempotentWrites.REGISTRATION, request.registrationNumber(),
                Registration.BIRTH, request.registrationNumber(), request, "registration_number_reused");
    }

    private static boolean notInRegister(BirthChecks.Parent parent) {
        return parent != null && !parent.inPopulationRegister();
    }
}
