package org.lifeevents.eligibility.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.lifeevents.eligibility.facts.HouseholdSnapshotFact;
import org.lifeevents.eligibility.rules.HouseholdFacts.Member;

/**
 * What the population register's data says about itself, checked as each input arrives: an event naming a person the
 * register does not know opens an UNKNOWN_PERSON case at once, and a minor child held in the latest snapshots of two
 * households a HOUSEHOLD_CONFLICT case (the rules would count the child in both). Each case is keyed by the person, so
 * a repeated event opens nothing more, and closes by itself when the register settles it: the person appears, or a
 * household lets the child go.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RegisterChecks {

    @Inject
    CaseOpener opener;

    @Inject
    CaseCloser closer;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** {@code what} (an income assessment, a consent, ...) names a person no household or birth record names. */
    public void unknownPerson(String personId, String what, String correlationId) {
        opener.open(CaseOpener.Request.of(CaseType.UNKNOWN_PERSON, personId, what + " names " + personId
                + ", whom the population register does not know: nothing can be decided for them until the register "
                + "names them. Check the person id with the source; the case closes by itself when the register "
                + "names the person.").subject(personId).correlation(correlationId));
    }

    /** The register now names these people (a household or a birth): their UNKNOWN_PERSON cases close. */
    public void known(Collection<String> personIds, String how) {
        String[] keys = personIds.stream().filter(Objects::nonNull).distinct()
                .map(id -> CaseType.UNKNOWN_PERSON.name() + ":" + id.trim()).toArray(String[]::new);
        if (keys.length == 0) {
            return;
        }
        // Nearly every event names only people the register knew already: a look without the session first. Cases
        // are opened by plain inserts, so an open one is always seen here; one this transaction resolved but has not
        // written yet is seen too, and closing it again changes nothing.
        List<String> open = rows("""
                select case_key from caseworker_case where case_key = any(?::text[]) and status <> 'RESOLVED'
                """, keys);
        if (!open.isEmpty()) {
            closer.closeKeys(open, "The population register now names the person (" + how + ").");
        }
    }

    /**
     * After a household's new snapshot: opens a HOUSEHOLD_CONFLICT case for each minor member held by another
     * household's latest snapshot as well, and closes the open ones the register no longer shows.
     */
    public void householdChanged(HouseholdSnapshotFact fact, String how) {
        LocalDate adultsBornBefore = LocalDate.now(clock).minusYears(18);
        List<String> minors = fact.snapshot.members().stream()
                .filter(m -> m.birthDate() != null && m.birthDate().isAfter(adultsBornBefore) && m.dateOfDeath() == null)
                .map(m -> m.personId().trim()).toList();
        // the children's other households, and the children of open conflicts linked to this household, in one query;
        // links and cases are written by plain statements, so nothing the session holds bears on it
        List<String[]> rows = pairs("""
                select trim(hp.person_id), hp.household_id from household_person hp
                where hp.person_id = any(?::bpchar[]) and hp.household_id <> ?
                union
                select trim(c.subject_person_id), others.household_id from caseworker_case c
                join household_person hp on hp.person_id = c.subject_person_id and hp.household_id = ?
                join household_person others on others.person_id = c.subject_person_id and others.household_id <> ?
                where c.case_type = 'HOUSEHOLD_CONFLICT' and c.status <> 'RESOLVED'
                """, minors.toArray(String[]::new), fact.householdId, fact.householdId, fact.householdId);
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<String>> otherHouseholds = new LinkedHashMap<>();
        for (String[] row : rows) {
            List<String> others = otherHouseholds.computeIfAbsent(row[0], k -> new ArrayList<>());
            if (!others.contains(row[1])) {
                others.add(row[1]);
            }
        }
        for (Map.Entry<String, List<String>> child : otherHouseholds.entrySet()) {
            List<String> holding = new ArrayList<>();
            if (minors.contains(child.getKey())) {
                holding.add(fact.householdId);
            }
            for (String other : child.getValue()) {
                if (latestHolds(other, child.getKey())) {
                    holding.add(other);
                }
            }
            String key = CaseType.HOUSEHOLD_CONFLICT.name() + ":" + child.getKey();
            if (holding.size() > 1) {
                opener.open(CaseOpener.Request.of(CaseType.HOUSEHOLD_CONFLICT, child.getKey(), "The child "
                        + child.getKey() + " is a member of " + holding.size() + " households in the population "
                        + "register at once (" + String.join(", ", holding) + ", after " + how + "): the child's "
                        + "benefits, sibling order and the large-family count cannot be decided for both. Ask the "
                        + "register which household holds the child; the case closes by itself when only one does.")
                        .subject(child.getKey()).household(fact.householdId).correlation(fact.correlationId));
            } else {
                closer.closeKeys(List.of(key), "The population register holds the child " + child.getKey()
                        + " in one household now" + (holding.isEmpty() ? "" : " (" + holding.get(0) + ")")
                        + " (" + how + ").");
            }
        }
    }

    /** The first column of {@link #pairs}. */
    private List<String> rows(String sql, String[] ids, String... more) {
        return pairs(sql, ids, more).stream().map(row -> row[0]).toList();
    }

    /**
     * The rows of a statement whose first parameter is an array of ids, the others {@code more}. Plain JDBC on the
     * transaction's connection: through the session, each check (one per input event) would first flush every entity
     * of the poll and translate its query anew, which was a fifth of the service's time in a backfill.
     */
    private List<String[]> pairs(String sql, String[] ids, String... more) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> read(connection, sql, ids, more));
    }

    private static List<String[]> read(Connection connection, String sql, String[] ids, String... more)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            for (int i = 0; i < more.length; i++) {
                statement.setString(i + 2, more[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getString(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static boolean latestHolds(String householdId, String personId) {
        Optional<HouseholdSnapshotFact> latest = HouseholdSnapshotFact.of(householdId).stream()
                .max(Comparator.comparingLong(s -> s.version));
        return latest.map(s -> s.snapshot.members().stream().map(Member::personId).map(String::trim)
                .anyMatch(personId::equals)).orElse(false);
    }
}
