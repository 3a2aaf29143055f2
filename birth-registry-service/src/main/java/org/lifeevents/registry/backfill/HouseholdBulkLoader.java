package org.lifeevents.registry.backfill;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.lifeevents.common.identity.PersonId;
import org.lifeevents.common.problem.Problem;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.Address;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.registry.bulk.ChunkSql;
import org.lifeevents.registry.household.HouseholdChecks;
import org.lifeevents.registry.household.HouseholdLocks;
import org.lifeevents.registry.household.HouseholdRequest;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.validation.FieldErrors;
import org.lifeevents.registry.validation.RequestChecks;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads many household lines at once: the same rules and the same published state as {@code PUT /households/{id}}, but
 * set-based. It locks the households the lines name and those their members live in with the API's
 * {@link HouseholdLocks} (one sorted statement for the chunk), reads what the lines touch with a few {@code = any(?)}
 * queries, applies the lines in order in memory,
 * and writes the result with JDBC batches (rewritten into multi-row inserts by the driver), all in the caller's
 * transaction. A line that changes nothing (the household's published state is the same) is skipped.
 */
@ApplicationScoped
public class HouseholdBulkLoader {

    private static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RequestChecks checks;

    @Inject
    HouseholdSnapshots snapshots;

    @Inject
    ObjectMapper json;

    /** One household line of a backfill file. */
    public record Line(long number, String householdId, HouseholdRequest request, String correlationId) {
    }

    /** What became of the lines: the refused ones with their errors and the skipped (unchanged) ones. */
    public record Result(Map<Long, List<Problem.FieldError>> refused, Set<Long> skipped) {
    }

    @Transactional(TxType.MANDATORY)
    public Result load(List<Line> lines) {
        entityManager.flush();
        // One reading for the whole chunk: its lines are checked against one business date and their events and rows
        // carry one time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        State state = new State(now);
        Session session = entityManager.unwrap(Session.class);
        Map<String, LocalDate> othersTouched = new LinkedHashMap<>();
        Map<String, String> otherCorrelation = new HashMap<>();
        Result result = new Result(new LinkedHashMap<>(), new LinkedHashSet<>());
        session.doWork(connection -> {
            state.prefetch(connection, lines);
            for (Line line : lines) {
                FieldErrors errors = checks.check(line.request());
                if (line.householdId() == null || !HOUSEHOLD_ID.matcher(line.householdId()).matches()) {
                    errors.add("householdId", "wrong_format", "must be 1 to 40 letters, digits or dashes");
                }
                if (line.request() == null || !errors.isEmpty()) {
                    result.refused().put(line.number(), errors.list());
                    continue;
                }
                String loadHash = HouseholdChecks.loadHash(line.householdId(), line.request(), json);
                if (state.appliedBefore(line.householdId(), loadHash)) {
                    // The same line was applied before (a re-run): later facts (a death, say) may no longer pass
                    // its checks, and it must not undo them.
                    result.skipped().add(line.number());
                    continue;
                }
                LocalDate from = HouseholdChecks.check(line.request(), state::person, errors, today);
                if (!errors.isEmpty()) {
                    result.refused().put(line.number(), errors.list());
                    continue;
                }
                if (!state.apply(line, from, loadHash, othersTouched, otherCorrelation)) {
                    result.skipped().add(line.number());
                }
            }
            state.write(connection);
        });
        entityManager.clear();
        othersTouched.forEach((householdId, from) -> snapshots.publish(householdId, "MOVE_OUT", from,
                otherCorrelation.get(householdId)));
        return result;
    }

    /** What the lines touch, as read once and changed in memory line by line. */
    private static final class State {

        final Map<String, PersonRow> persons = new HashMap<>();
        final Map<String, HouseholdRow> households = new HashMap<>();
        final Map<String, MembershipRow> currentByPerson = new HashMap<>();
        final Map<String, Set<MembershipRow>> currentByHousehold = new HashMap<>();
        final List<MembershipRow> memberships = new ArrayList<>();
        final Map<String, Map<String, List<String>>> adults = new HashMap<>();
        final Set<String> dirtyAdults = new LinkedHashSet<>();
        final List<OutboxRows.Row> events = new ArrayList<>();
        /** The households the lock created (none had them yet); those no line ends up writing are deleted again. */
        final Set<String> created = new HashSet<>();
        final Instant now;

        State(Instant now) {
            this.now = now;
        }

        Person person(String personId) {
            PersonRow row = persons.get(personId);
            if (row == null) {
                return null;
            }
            Person person = new Person();
            person.personId = row.personId;
            person.birthDate = row.birthDate;
            person.dateOfDeath = row.dateOfDeath;
            return person;
        }

        void prefetch(Connection connection, List<Line> lines) throws SQLException {
            Set<String> personIds = new HashSet<>();
            Set<String> householdIds = new HashSet<>();
            for (Line line : lines) {
                if (line.householdId() != null && HOUSEHOLD_ID.matcher(line.householdId()).matches()) {
                    householdIds.add(line.householdId());
                }
                if (line.request() == null || line.request().members() == null) {
                    continue;
                }
                for (HouseholdRequest.Member member : line.request().members()) {
                    if (member == null) {
                        continue;
                    }
                    ChunkSql.addIfValid(personIds, member.personId());
                    ChunkSql.addIfValid(personIds, member.spouseId());
                    nullSafe(member.legalParentIds()).forEach(id -> ChunkSql.addIfValid(personIds, id));
                    nullSafe(member.guardianIds()).forEach(id -> ChunkSql.addIfValid(personIds, id));
                }
            }
            // Locked before anything of them is read, as the API locks a household it loads: a PUT /households
            // committed during this chunk then either comes before it (and is read here) or waits for it, and the
            // versions of a household stay in commit order on the topic. The members' current households too, which a
            // member who moves leaves (their snapshots are published after the chunk's), all in one sorted statement.
            Set<String> toLock = HouseholdLocks.currentHouseholdsOf(connection, personIds);
            toLock.addAll(householdIds);
            created.addAll(HouseholdLocks.lock(connection, toLock));
            for (Person person : ChunkSql.persons(connection, personIds)) {
                PersonRow row = new PersonRow(person.personId);
                row.givenNames = person.givenNames;
                row.familyName = person.familyName;
                row.sex = person.sex;
                row.birthDate = person.birthDate;
                row.dateOfDeath = person.dateOfDeath;
                row.inPopulationRegister = person.inPopulationRegister;
                row.spouseId = person.spouseId;
                row.childrenInBirth = person.childrenInBirth;
                row.birthOrder = person.birthOrder;
                row.exists = true;
                persons.put(row.personId, row);
            }
            ChunkSql.query(connection, """
                    select household_id, version, state_hash, street, postal_code, municipality, country_code, load_hash
                    from household where household_id = any(?)""", ChunkSql.texts(connection, householdIds), rs -> {
                HouseholdRow row = new HouseholdRow(rs.getString(1));
                row.version = rs.getLong(2);
                row.hash = rs.getString(3);
                row.street = rs.getString(4);
                row.postalCode = rs.getString(5);
                row.municipality = rs.getString(6);
                row.countryCode = rs.getString(7);
                row.loadHash = rs.getString(8);
                row.exists = !created.contains(row.householdId);
                households.put(row.householdId, row);
            });
            try (PreparedStatement statement = connection.prepareStatement("""
                    select id, household_id, person_id, member_since from household_member
                    where member_until is null and (person_id = any(?) or household_id = any(?))""")) {
                statement.setArray(1, ChunkSql.personIds(connection, personIds));
                statement.setArray(2, ChunkSql.texts(connection, householdIds));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        MembershipRow row = new MembershipRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDate.class));
                        memberships.add(row);
                        makeCurrent(row);
                    }
                }
            }
            Set<String> children = new HashSet<>(personIds);
            currentByHousehold.values().forEach(rows -> rows.forEach(row -> children.add(row.personId)));
            ChunkSql.query(connection, """
                    select child_id, adult_id, relation from responsible_adult where child_id = any(?)
                    order by adult_id""", ChunkSql.personIds(connection, children), rs -> adults
                    .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(2)));
        }

        boolean appliedBefore(String householdId, String loadHash) {
            HouseholdRow household = households.get(householdId);
            return household != null && loadHash.equals(household.loadHash);
        }

        /** Applies one checked line; returns false when it changes nothing. */
        boolean apply(Line line, LocalDate from, String loadHash, Map<String, LocalDate> othersTouched,
                Map<String, String> otherCorrelation) {
            HouseholdRequest request = line.request();
            String householdId = line.householdId();
            HouseholdRow household = households.computeIfAbsent(householdId, HouseholdRow::new);
            HouseholdRequest.Address given = request.address();
            Address address = given != null
                    ? new Address(given.street(), given.postalCode(), given.municipality(), given.countryCode())
                    : household.street == null ? null
                            : new Address(household.street, household.postalCode, household.municipality,
                                    household.countryCode);
            List<org.lifeevents.events.registry.HouseholdMember> members = new ArrayList<>();
            Map<String, LocalDate> since = new HashMap<>();
            for (HouseholdRequest.Member member : request.members()) {
                MembershipRow current = currentByPerson.get(member.personId());
                LocalDate memberSince = current != null && current.householdId.equals(householdId) ? current.since
                        : HouseholdChecks.memberSince(member, from);
                since.put(member.personId(), memberSince);
                PersonRow known = persons.get(member.personId());
                members.add(org.lifeevents.events.registry.HouseholdMember.newBuilder()
                        .setPersonId(member.personId())
                        .setGivenNames(member.givenNames())
                        .setFamilyName(member.familyName())
                        .setSex(member.sex())
                        .setBirthDate(LocalDate.parse(member.birthDate()))
                        .setDateOfDeath(known == null ? null : known.dateOfDeath)
                        .setMemberSince(memberSince)
                        .setInPopulationRegister(true)
                        .setSpouseId(member.spouseId())
                        .setLegalParentIds(adultsAfter(member.personId(), "PARENT", member.legalParentIds()))
                        .setGuardianIds(adultsAfter(member.personId(), "GUARDIAN", member.guardianIds()))
                        .setChildrenInBirth(known == null ? 1 : known.childrenInBirth)
                        .setBirthOrder(known == null ? 1 : known.birthOrder)
                        .build());
            }
            members.sort(Comparator.comparing(org.lifeevents.events.registry.HouseholdMember::getMemberSince)
                    .thenComparing(org.lifeevents.events.registry.HouseholdMember::getPersonId));
            String hash = HouseholdSnapshots.hash(address, members);
            household.loadHash = loadHash;
            if (household.exists && hash.equals(household.hash)) {
                household.dirty = true;
                return false;
            }

            Set<String> named = new HashSet<>(since.keySet());
            for (MembershipRow row : List.copyOf(currentByHousehold.getOrDefault(householdId, Set.of()))) {
                if (!named.contains(row.personId)) {
                    end(row, from.minusDays(1));
                }
            }
            for (HouseholdRequest.Member member : request.members()) {
                PersonRow person = persons.computeIfAbsent(member.personId(), PersonRow::new);
                person.givenNames = member.givenNames();
                person.familyName = member.familyName();
                person.sex = member.sex();
                person.birthDate = LocalDate.parse(member.birthDate());
                person.spouseId = member.spouseId();
                person.inPopulationRegister = true;
                person.placeholder = false;
                person.dirty = true;
                replaceAdults(member.personId(), "PARENT", member.legalParentIds());
                replaceAdults(member.personId(), "GUARDIAN", member.guardianIds());
                MembershipRow current = currentByPerson.get(member.personId());
                if (current != null && current.householdId.equals(householdId)) {
                    continue;
                }
                LocalDate memberSince = since.get(member.personId());
                if (current != null) {
                    end(current, memberSince.minusDays(1));
                    othersTouched.merge(current.householdId, from, (a, b) -> a.isAfter(b) ? a : b);
                    otherCorrelation.put(current.householdId, line.correlationId());
                }
                MembershipRow joined = new MembershipRow(null, householdId, member.personId(), memberSince);
                joined.dirty = true;
                memberships.add(joined);
                makeCurrent(joined);
            }
            household.version++;
            household.hash = hash;
            if (address != null) {
                household.street = address.getStreet();
                household.postalCode = address.getPostalCode();
                household.municipality = address.getMunicipality();
                household.countryCode = address.getCountryCode();
            }
            household.dirty = true;
            events.add(new OutboxRows.Row(Topics.HOUSEHOLDS, householdId, HouseholdChangedEvent.newBuilder()
                    .setEventId(Events.newEventId())
                    .setOccurredAt(now)
                    .setCorrelationId(line.correlationId())
                    .setHouseholdId(householdId)
                    .setVersion(household.version)
                    .setEffectiveFrom(from)
                    .setReason(request.reason())
                    .setAddress(address)
                    .setMembers(members)
                    .build()));
            return true;
        }

        private List<String> adultsAfter(String childId, String relation, List<String> given) {
            Collection<String> ids = given != null ? given
                    : adults.getOrDefault(childId, Map.of()).getOrDefault(relation, List.of());
            return List.copyOf(new TreeSet<>(ids));
        }

        private void replaceAdults(String childId, String relation, List<String> given) {
            if (given == null) {
                return;
            }
            Map<String, List<String>> byRelation = adults.computeIfAbsent(childId, k -> new HashMap<>());
            List<String> sorted = List.copyOf(new TreeSet<>(given));
            if (sorted.equals(byRelation.getOrDefault(relation, List.of()))) {
                return;
            }
            // An adult named in one relation leaves the other (a child and an adult have one link).
            byRelation.forEach((other, ids) -> {
                if (!other.equals(relation) && ids.removeIf(sorted::contains)) {
                    dirtyAdults.add(childId + "|" + other);
                }
            });
            byRelation.put(relation, new ArrayList<>(sorted));
            dirtyAdults.add(childId + "|" + relation);
            for (String adult : sorted) {
                persons.computeIfAbsent(adult, id -> {
                    PersonRow placeholder = new PersonRow(id);
                    PersonId parsed = new PersonId(id);
                    placeholder.givenNames = "";
                    placeholder.familyName = "";
                    placeholder.sex = parsed.sex();
                    placeholder.birthDate = parsed.birthDate();
                    placeholder.inPopulationRegister = true;
                    placeholder.placeholder = true;
                    placeholder.dirty = true;
                    return placeholder;
                });
            }
        }

        private void makeCurrent(MembershipRow row) {
            currentByPerson.put(row.personId, row);
            currentByHousehold.computeIfAbsent(row.householdId, k -> new LinkedHashSet<>()).add(row);
        }

        private void end(MembershipRow row, LocalDate until) {
            row.until = until;
            row.dirty = true;
            currentByPerson.remove(row.personId, row);
            Set<MembershipRow> rows = currentByHousehold.get(row.householdId);
            if (rows != null) {
                rows.remove(row);
            }
        }

        void write(Connection connection) throws SQLException {
            List<PersonRow> dirtyPersons = persons.values().stream().filter(row -> row.dirty).toList();
            ChunkSql.batch(connection, """
                    insert into person (person_id, given_names, family_name, sex, birth_date, in_population_register, spouse_id)
                    values (?, ?, ?, ?, ?, true, ?)
                    on conflict (person_id) do update set given_names = excluded.given_names,
                        family_name = excluded.family_name, sex = excluded.sex, birth_date = excluded.birth_date,
                        in_population_register = true, spouse_id = excluded.spouse_id""",
                    dirtyPersons.stream().filter(row -> !row.placeholder).toList(), (statement, row) -> {
                        statement.setString(1, row.personId);
                        statement.setString(2, row.givenNames);
                        statement.setString(3, row.familyName);
                        statement.setString(4, row.sex);
                        statement.setObject(5, row.birthDate);
                        statement.setString(6, row.spouseId);
                    });
            ChunkSql.batch(connection, """
                    insert into person (person_id, given_names, family_name, sex, birth_date)
                    values (?, '', '', ?, ?) on conflict (person_id) do nothing""",
                    dirtyPersons.stream().filter(row -> row.placeholder).toList(), (statement, row) -> {
                        statement.setString(1, row.personId);
                        statement.setString(2, row.sex);
                        statement.setObject(3, row.birthDate);
                    });
            ChunkSql.batch(connection, """
                    insert into household (household_id, version, street, postal_code, municipality, country_code,
                                           state_hash, load_hash, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (household_id) do update set version = excluded.version, street = excluded.street,
                        postal_code = excluded.postal_code, municipality = excluded.municipality,
                        country_code = excluded.country_code, state_hash = excluded.state_hash,
                        load_hash = excluded.load_hash, updated_at = excluded.updated_at""",
                    households.values().stream().filter(row -> row.dirty).toList(), (statement, row) -> {
                        statement.setString(1, row.householdId);
                        statement.setLong(2, row.version);
                        statement.setString(3, row.street);
                        statement.setString(4, row.postalCode);
                        statement.setString(5, row.municipality);
                        statement.setString(6, row.countryCode);
                        statement.setString(7, row.hash);
                        statement.setString(8, row.loadHash);
                        statement.setObject(9, now.atOffset(ZoneOffset.UTC));
                    });
            HouseholdLocks.dropUnused(connection, created.stream()
                    .filter(id -> !households.containsKey(id) || !households.get(id).dirty).toList());
            List<MembershipRow> dirtyMemberships = memberships.stream().filter(row -> row.dirty).toList();
            ChunkSql.batch(connection, "update household_member set member_until = ? where id = ?",
                    dirtyMemberships.stream().filter(row -> row.id != null).toList(), (statement, row) -> {
                        statement.setObject(1, row.until);
                        statement.setLong(2, row.id);
                    });
            ChunkSql.batch(connection, """
                    insert into household_member (household_id, person_id, member_since, member_until)
                    values (?, ?, ?, ?)
                    on conflict (household_id, person_id, member_since)
                    do update set member_until = excluded.member_until""",
                    dirtyMemberships.stream().filter(row -> row.id == null).toList(), (statement, row) -> {
                        statement.setString(1, row.householdId);
                        statement.setString(2, row.personId);
                        statement.setObject(3, row.since);
                        if (row.until == null) {
                            statement.setNull(4, Types.DATE);
                        } else {
                            statement.setDate(4, Date.valueOf(row.until));
                        }
                    });
            List<String[]> changedAdults = dirtyAdults.stream().map(key -> key.split("\\|")).toList();
            ChunkSql.batch(connection, "delete from responsible_adult where child_id = ? and relation = ?",
                    changedAdults, (statement, key) -> {
                        statement.setString(1, key[0]);
                        statement.setString(2, key[1]);
                    });
            List<String[]> links = changedAdults.stream().flatMap(key -> adults.get(key[0])
                    .getOrDefault(key[1], List.of()).stream().map(adult -> new String[] { key[0], adult, key[1] }))
                    .toList();
            ChunkSql.batch(connection, """
                    insert into responsible_adult (child_id, adult_id, relation) values (?, ?, ?)
                    on conflict (child_id, adult_id) do update set relation = excluded.relation""", links,
                    (statement, link) -> {
                        statement.setString(1, link[0]);
                        statement.setString(2, link[1]);
                        statement.setString(3, link[2]);
                    });
            OutboxRows.insert(connection, events);
        }

        private static List<String> nullSafe(List<String> ids) {
            return ids == null ? List.of() : ids;
        }
    }

    private static final class PersonRow {
        final String personId;
        String givenNames;
        String familyName;
        String sex;
        LocalDate birthDate;
        LocalDate dateOfDeath;
        boolean inPopulationRegister = true;
        String spouseId;
        int childrenInBirth = 1;
        int birthOrder = 1;
        boolean exists;
        boolean placeholder;
        boolean dirty;

        PersonRow(String personId) {
            this.personId = personId;
        }
    }

    private static final class HouseholdRow {
        final String householdId;
        long version;
        String hash;
        String street;
        String postalCode;
        String municipality;
        String countryCode;
        String loadHash;
        boolean exists;
        boolean dirty;

        HouseholdRow(String householdId) {
            this.householdId = householdId;
        }
    }

    private static final class MembershipRow {
        final Long id;
        final String householdId;
        final String personId;
        final LocalDate since;
        LocalDate until;
        boolean dirty;

        MembershipRow(Long id, String householdId, String personId, LocalDate since) {
            this.id = id;
            this.householdId = householdId;
            this.personId = personId;
            this.since = since;
        }
    }
}
