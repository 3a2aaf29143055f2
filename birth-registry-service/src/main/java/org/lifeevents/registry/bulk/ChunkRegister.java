package org.lifeevents.registry.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

import org.lifeevents.common.outbox.OutboxWriter;
import org.lifeevents.events.Events;
import org.lifeevents.events.Topics;
import org.lifeevents.events.registry.Address;
import org.lifeevents.events.registry.HouseholdChangedEvent;
import org.lifeevents.registry.household.Household;
import org.lifeevents.registry.household.HouseholdSnapshots;
import org.lifeevents.registry.household.Person;
import org.lifeevents.registry.household.ResponsibleAdult;

/**
 * The part of the population register a batch of births or deaths reads, held in memory: persons, current memberships,
 * the households the batch may publish (locked, with all their memberships), and legal parents and guardians, each read
 * for the whole batch with one {@code = any(?)} query. The batch changes it in memory line by line, publishes household
 * snapshots from it as {@link HouseholdSnapshots#publish} does from the database, and writes the new household versions
 * and the outbox rows at the end.
 */
public abstract class ChunkRegister {

    /** A household membership: until is the last day, null while it lasts. */
    public record Membership(String householdId, String personId, LocalDate since, LocalDate until) {
    }

    protected final Instant now;
    protected final LocalDate today;

    protected final Map<String, Person> persons = new HashMap<>();
    protected final Map<String, String> currentHousehold = new HashMap<>();
    protected final Map<String, Household> households = new HashMap<>();
    protected final Map<String, List<Membership>> memberships = new HashMap<>();
    protected final Map<String, Map<String, List<String>>> adults = new HashMap<>();

    protected final Set<Household> changed = new HashSet<>();
    protected final List<OutboxWriter.Row> events = new ArrayList<>();

    private final Set<String> personsRead = new HashSet<>();
    private final Set<String> currentRead = new HashSet<>();
    private final Set<String> adultsRead = new HashSet<>();

    /**
     * @param now the one time the batch's rows and events carry
     * @param today the one business date the batch's lines are checked against
     */
    protected ChunkRegister(Instant now, LocalDate today) {
        this.now = now;
        this.today = today;
    }

    /** The person with the id, or null. */
    public Person person(String personId) {
        return persons.get(personId);
    }

    /** Reads the persons not read yet. */
    protected void readPersons(Connection connection, Collection<String> ids) throws SQLException {
        List<String> missing = ids.stream().filter(personsRead::add).toList();
        for (Person person : ChunkSql.persons(connection, missing)) {
            persons.put(person.personId, person);
        }
    }

    /** Reads the current households of the persons not read yet. */
    protected void readCurrentHouseholds(Connection connection, Collection<String> personIds) throws SQLException {
        List<String> missing = personIds.stream().filter(currentRead::add).toList();
        if (missing.isEmpty()) {
            return;
        }
        ChunkSql.query(connection, """
                select person_id, household_id from household_member
                where member_until is null and person_id = any(?)""", ChunkSql.personIds(connection, missing),
                rs -> currentHousehold.put(rs.getString(1), rs.getString(2)));
    }

    /**
     * Locks the households as {@link HouseholdSnapshots} locks them (so their versions are handed out in commit order) and
     * reads them, all their memberships, and their members.
     */
    protected void lockHouseholds(Connection connection, Collection<String> householdIds) throws SQLException {
        Set<String> missing = new TreeSet<>(householdIds);
        missing.removeAll(households.keySet());
        if (missing.isEmpty()) {
            return;
        }
        ChunkSql.query(connection, """
                select household_id, version, state_hash, street, postal_code, municipality, country_code
                from household where household_id = any(?) order by household_id for update""",
                ChunkSql.texts(connection, missing), rs -> {
                    Household household = new Household();
                    household.householdId = rs.getString(1);
                    household.version = rs.getLong(2);
                    household.stateHash = rs.getString(3);
                    household.street = rs.getString(4);
                    household.postalCode = rs.getString(5);
                    household.municipality = rs.getString(6);
                    household.countryCode = rs.getString(7);
                    households.put(household.householdId, household);
                });
        Set<String> members = new HashSet<>();
        ChunkSql.query(connection, """
                select household_id, person_id, member_since, member_until from household_member
                where household_id = any(?)""", ChunkSql.texts(connection, missing), rs -> {
            Membership membership = new Membership(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class));
            memberships.computeIfAbsent(membership.householdId(), k -> new ArrayList<>()).add(membership);
            members.add(membership.personId());
        });
        readPersons(connection, members);
    }

    /** Reads the legal parents and guardians of the persons not read yet. */
    protected void readAdults(Connection connection, Collection<String> childIds) throws SQLException {
        List<String> missing = childIds.stream().filter(adultsRead::add).toList();
        if (missing.isEmpty()) {
            return;
        }
        ChunkSql.query(connection, "select child_id, adult_id, relation from responsible_adult where child_id = any(?)",
                ChunkSql.personIds(connection, missing), rs -> adults.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(2)));
    }

    /** The child's adults of the relation, by person id. */
    protected List<String> adultsOf(String childId, String relation) {
        return List.copyOf(new TreeSet<>(adults.getOrDefault(childId, Map.of()).getOrDefault(relation, List.of())));
    }

    /**
     * Publishes the household's state from the day, as {@link HouseholdSnapshots#publish} would: everyone whose
     * membership lasts until that day or later, and nothing when the state equals the last published one.
     */
    protected void publish(String householdId, String reason, LocalDate effectiveFrom, String correlationId) {
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
                .setReason(reason)
                .setAddress(address)
                .setMembers(members)
                .build()));
    }

    private org.lifeevents.events.registry.HouseholdMember member(Membership membership) {
        Person person = persons.get(membership.personId());
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
                .setLegalParentIds(adultsOf(person.personId, ResponsibleAdult.PARENT))
                .setGuardianIds(adultsOf(person.personId, ResponsibleAdult.GUARDIAN))
                .setChildrenInBirth(person.childrenInBirth)
                .setBirthOrder(person.birthOrder)
                .build();
    }

    /** Writes the versions of the households the batch published, then its outbox rows. */
    protected void writeHouseholdsAndEvents(Connection connection) throws SQLException {
        ChunkSql.batch(connection, "update household set version = ?, state_hash = ? where household_id = ?", changed,
                (statement, household) -> {
                    statement.setLong(1, household.version);
                    statement.setString(2, household.stateHash);
                    statement.setString(3, household.householdId);
                });
        OutboxWriter.write(connection, events);
    }
}
