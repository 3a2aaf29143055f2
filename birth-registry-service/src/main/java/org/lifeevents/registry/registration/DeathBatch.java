package org.lifeevents.registry.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.lifeevents.events.registry.DeathRecord;
import org.lifeevents.events.registry.DeathRegisteredEvent;
import org.lifeevents.registry.bulk.ChunkRegister;
import org.lifeevents.registry.bulk.ChunkSql;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;
import org.lifeevents.registry.validation.Dates;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;
import org.lifeevents.registry.write.IdempotentWrites;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers many deaths of a backfill at once: the API's rules ({@link DeathChecks}), its death record
 * ({@link DeathRecords}), its household snapshots and idempotency on the registration number, but set-based. What the
 * deaths read is read with a few {@code = any(?)} queries, the deaths are checked and applied in memory, and the rows
 * and outbox events are written with JDBC batches, all in the caller's transaction.
 * <p>
 * A batch holds deaths whose registration numbers, persons (the deceased, the spouse, household members, parents,
 * children and the children's adults) and households are disjoint; the next death that shares one of them (a repeated
 * line, a second death of one person, a couple, a parent and a child) starts a new batch after the first one is
 * written, so every death sees the ones before it as the API would.
 */
@ApplicationScoped
public class DeathBatch {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RequestChecks checks;

    @Inject
    IdempotentWrites writes;

    @Inject
    ObjectMapper json;

    /** One death line of a backfill file. */
    public record Line(long number, DeathRegistrationRequest request, String correlationId) {
    }

    /** What became of the lines: refused (with the API's refusal) and skipped (repeats). */
    public record Result(Map<Long, ProblemException> refused, Set<Long> skipped) {
    }

    @Transactional(TxType.MANDATORY)
    public Result register(List<Line> lines, String recordedBy) {
        Result result = new Result(new LinkedHashMap<>(), new HashSet<>());
        Session session = entityManager.unwrap(Session.class);
        int next = 0;
        while (next < lines.size()) {
            entityManager.flush();
            entityManager.clear();
            List<Line> rest = lines.subList(next, lines.size());
            // One reading for the batch: its deaths are checked against one business date and carry one time.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Batch batch = new Batch(now, LocalDate.ofInstant(now, clock.getZone()), recordedBy);
            int[] taken = { rest.size() };
            session.doWork(connection -> {
                batch.read(connection, rest);
                for (int i = 0; i < rest.size(); i++) {
                    if (!batch.take(rest.get(i), result)) {
                        taken[0] = i;
                        break;
                    }
                }
                batch.write(connection);
            });
            next += taken[0];
        }
        entityManager.flush();
        entityManager.clear();
        return result;
    }

    /** The register as the batch's deaths read it, and what they write. */
    private final class Batch extends ChunkRegister implements DeathChecks.Register {

        final String recordedBy;

        final Map<String, String[]> earlier = new HashMap<>();
        final Map<String, List<String>> children = new HashMap<>();
        final Map<String, String> activeDeaths = new HashMap<>();

        final Set<String> touchedNumbers = new HashSet<>();
        final Set<String> touchedPersons = new HashSet<>();
        final Set<String> touchedHouseholds = new HashSet<>();

        final List<Person> deceased = new ArrayList<>();
        final List<String> clearedSpouses = new ArrayList<>();
        final List<Membership> ended = new ArrayList<>();
        final List<RegistrationRows.Row> registrations = new ArrayList<>();

        Batch(Instant now, LocalDate today, String recordedBy) {
            super(now, today);
            this.recordedBy = recordedBy;
        }

        @Override
        public String currentHousehold(String personId) {
            return currentHousehold.get(personId);
        }

        @Override
        public List<String> currentMembers(String householdId) {
            return memberships.getOrDefault(householdId, List.of()).stream()
                    .filter(m -> m.until() == null)
                    .sorted(Comparator.comparing(Membership::since).thenComparing(Membership::personId))
                    .map(Membership::personId)
                    .toList();
        }

        @Override
        public List<String> adultsOf(String childId, String relation) {
            return super.adultsOf(childId, relation);
        }

        @Override
        public List<String> childrenOf(String parentId) {
            return List.copyOf(new TreeSet<>(children.getOrDefault(parentId, List.of())));
        }

        @Override
        public String activeDeathOf(String personId) {
            return activeDeaths.get(personId);
        }

        /**
         * Applies one death to the batch (or refuses or skips it, as the API would); false when it shares something with
         * an earlier death of the batch and belongs to the next one.
         */
        boolean take(Line line, Result result) {
            DeathRegistrationRequest request = line.request();
            FieldErrors errors = checks.check(request);
            if (request == null || errors.has("registrationNumber")) {
                result.refused().put(line.number(), ProblemException.invalid(errors.list()));
                return true;
            }
            String number = request.registrationNumber();
            if (touchedNumbers.contains(number)) {
                return false;
            }
            String[] before = earlier.get(number);
            if (before != null) {
                try {
                    writes.answerTo(idempotentWrite(request), json.valueToTree(request), before[0], before[1],
                            RegistrationReceipt.class);
                    result.skipped().add(line.number());
                } catch (ProblemException e) {
                    result.refused().put(line.number(), e);
                }
                touchedNumbers.add(number);
                return true;
            }
            Set<String> people = footprint(request.personId());
            Set<String> homes = homesOf(people);
            if (people.stream().anyMatch(touchedPersons::contains) || homes.stream().anyMatch(touchedHouseholds::contains)) {
                return false;
            }
            touchedNumbers.add(number);
            touchedPersons.addAll(people);
            touchedHouseholds.addAll(homes);
            try {
                Person person = DeathChecks.check(request, errors, today, this);
                errors.throwIfAny();
                DeathChecks.refuseIfDeceased(person, this);
                apply(line, request, person);
            } catch (ProblemException e) {
                result.refused().put(line.number(), e);
            }
            return true;
        }

        private void apply(Line line, DeathRegistrationRequest request, Person person) {
            LocalDate dateOfDeath = Dates.of(request.dateOfDeath());
            DeathRecord record = DeathRecords.of(request.registrationNumber(), person, dateOfDeath,
                    request.placeOfDeath(), this);
            DeathChecks.Effects effects = DeathChecks.effects(person, this);

            person.dateOfDeath = dateOfDeath;
            deceased.add(person);
            String home = currentHousehold.remove(person.personId);
            if (home != null) {
                List<Membership> rows = memberships.get(home);
                for (int i = 0; i < rows.size(); i++) {
                    Membership membership = rows.get(i);
                    if (membership.personId().equals(person.personId) && membership.until() == null) {
                        Membership until = new Membership(home, person.personId, membership.since(), dateOfDeath);
                        rows.set(i, until);
                        ended.add(until);
                    }
                }
            }
            if (effects.clearedSpouseId() != null) {
                persons.get(effects.clearedSpouseId()).spouseId = null;
                clearedSpouses.add(effects.clearedSpouseId());
            }

            events.add(new OutboxWriter.Row(Topics.REGISTRATIONS, person.personId,
                    DeathRegisteredEvent.newBuilder()
                            .setEventId(Events.newEventId())
                            .setOccurredAt(now)
                            .setCorrelationId(line.correlationId())
                            .setRegisteredAt(now)
                            .setDeath(record)
                            .build()));
            for (String householdId : effects.households()) {
                publish(householdId, "DEATH", dateOfDeath, line.correlationId());
            }

            RegistrationReceipt receipt = new RegistrationReceipt(request.registrationNumber(), Registration.DEATH,
                    person.personId, record.getHouseholdId(), line.correlationId(), now);
            registrations.add(new RegistrationRows.Row(request.registrationNumber(), Registration.DEATH,
                    person.personId, json.valueToTree(request).toString(), json.valueToTree(receipt).toString(),
                    dateOfDeath, record.getHouseholdId(), false, DeathRecords.encode(record),
                    DeathRecord.getClassSchema().toString(), effects.clearedSpouseId(), line.correlationId()));
        }

        /**
         * Everyone the death of the person reads or changes: the person, the spouse, the members (past ones too) of
         * their households, the person's parents and children, and the children's parents and guardians.
         */
        private Set<String> footprint(String personId) {
            Set<String> people = new HashSet<>();
            if (personId == null) {
                return people;
            }
            people.add(personId);
            Person person = persons.get(personId);
            if (person == null) {
                return people;
            }
            Set<String> couple = new HashSet<>(people);
            if (person.spouseId != null) {
                couple.add(person.spouseId);
            }
            people.addAll(couple);
            people.addAll(adultsOf(personId, ResponsibleAdult.PARENT));
            for (String child : children.getOrDefault(personId, List.of())) {
                people.add(child);
                people.addAll(adultsOf(child, ResponsibleAdult.PARENT));
                people.addAll(adultsOf(child, ResponsibleAdult.GUARDIAN));
            }
            for (String home : homesOf(couple)) {
                memberships.getOrDefault(home, List.of()).forEach(m -> people.add(m.personId()));
            }
            return people;
        }

        private Set<String> homesOf(Collection<String> people) {
            Set<String> homes = new HashSet<>();
            for (String personId : people) {
                String home = currentHousehold.get(personId);
                if (home != null) {
                    homes.add(home);
                }
            }
            return homes;
        }

        /** Reads, for all the lines, what their checks, records and household snapshots need. */
        void read(Connection connection, List<Line> lines) throws SQLException {
            Set<String> numbers = new TreeSet<>();
            Set<String> dying = new HashSet<>();
            for (Line line : lines) {
                DeathRegistrationRequest request = line.request();
                if (request == null) {
                    continue;
                }
                if (request.registrationNumber() != null) {
                    numbers.add(request.registrationNumber());
                }
                ChunkSql.addIfValid(dying, request.personId());
            }
            earlier.putAll(RegistrationRows.lockAndReadEarlier(connection, numbers));
            readPersons(connection, dying);
            Set<String> related = new HashSet<>();
            ChunkSql.query(connection, """
                    select adult_id, child_id from responsible_adult where relation = 'PARENT' and adult_id = any(?)""",
                    ChunkSql.personIds(connection, dying), rs -> {
                        children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                        related.add(rs.getString(2));
                    });
            ChunkSql.query(connection, """
                    select subject_person_id, registration_number from registration
                    where kind = 'DEATH' and status = 'ACTIVE' and subject_person_id = any(?)""",
                    ChunkSql.personIds(connection, dying), rs -> activeDeaths.put(rs.getString(1), rs.getString(2)));
            readAdults(connection, dying);
            readAdults(connection, related);
            for (String personId : dying) {
                Person person = persons.get(personId);
                if (person != null && person.spouseId != null) {
                    related.add(person.spouseId);
                }
                related.addAll(adultsOf(personId, ResponsibleAdult.PARENT));
            }
            for (String child : children.values().stream().flatMap(List::stream).toList()) {
                related.addAll(adultsOf(child, ResponsibleAdult.PARENT));
                related.addAll(adultsOf(child, ResponsibleAdult.GUARDIAN));
            }
            related.addAll(dying);
            readPersons(connection, related);
            readCurrentHouseholds(connection, related);
            // The households a death publishes: the deceased's and the spouse's.
            Set<String> published = new HashSet<>();
            for (String personId : dying) {
                Person person = persons.get(personId);
                published.add(currentHousehold.get(personId));
                if (person != null && person.spouseId != null) {
                    published.add(currentHousehold.get(person.spouseId));
                }
            }
            published.remove(null);
            lockHouseholds(connection, published);
            readAdults(connection, persons.keySet());
        }

        void write(Connection connection) throws SQLException {
            if (registrations.isEmpty()) {
                return;
            }
            ChunkSql.batch(connection, "update person set date_of_death = ? where person_id = ?", deceased,
                    (statement, person) -> {
                        statement.setObject(1, person.dateOfDeath);
                        statement.setString(2, person.personId);
                    });
            ChunkSql.batch(connection, "update person set spouse_id = null where person_id = ?", clearedSpouses,
                    (statement, spouse) -> statement.setString(1, spouse));
            ChunkSql.batch(connection, """
                    update household_member set member_until = ?
                    where household_id = ? and person_id = ? and member_since = ? and member_until is null""", ended,
                    (statement, membership) -> {
                        statement.setObject(1, membership.until());
                        statement.setString(2, membership.householdId());
                        statement.setString(3, membership.personId());
                        statement.setObject(4, membership.since());
                    });
            RegistrationRows.write(connection, registrations, recordedBy, now);
            writeHouseholdsAndEvents(connection);
        }
    }

    private static IdempotentWrites.Write idempotentWrite(DeathRegistrationRequest request) {
        return new IdempotentWrites.Write(IdempotentWrites.REGISTRATION, request.registrationNumber(),
                Registration.DEATH, request.registrationNumber(), request, "registration_number_reused");
    }
}
