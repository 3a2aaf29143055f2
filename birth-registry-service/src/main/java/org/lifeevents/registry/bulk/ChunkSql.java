package org.lifeevents.registry.bulk;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.lifeevents.common.identity.PersonId;
import org.lifeevents.registry.household.Person;

/**
 * The statements every set-based backfill step shares (households, births, deaths): reads of many keys at once with
 * {@code = any(?)}, and writes of many rows as one JDBC batch, which the driver rewrites into multi-row statements
 * ({@code reWriteBatchedInserts}).
 */
public final class ChunkSql {

    /** Sets one row's parameters on a batched statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Adds one result row to what the caller collects. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private ChunkSql() {
    }

    /** Runs the statement once per row, as one batch; nothing when there are no rows. */
    public static <T> void batch(Connection connection, String sql, Collection<T> rows, Binder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Runs a query whose one parameter is the array, handing every result row to the reader. */
    public static void query(Connection connection, String sql, Array keys, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, keys);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** The persons with these ids, as the register holds them. */
    public static List<Person> persons(Connection connection, Collection<String> ids) throws SQLException {
        List<Person> found = new ArrayList<>();
        if (ids.isEmpty()) {
            return found;
        }
        query(connection, """
                select person_id, given_names, family_name, sex, birth_date, date_of_death, in_population_register,
                       spouse_id, children_in_birth, birth_order
                from person where person_id = any(?)""", personIds(connection, ids), rs -> {
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
            found.add(person);
        });
        return found;
    }

    /**
     * Person ids as {@code char(11)[]}: compared with a {@code text[]} the column would be cast to text and its index not
     * used (a sequential scan per chunk, slower with every chunk loaded).
     */
    public static Array personIds(Connection connection, Collection<String> ids) throws SQLException {
        return connection.createArrayOf("bpchar", ids.toArray());
    }

    public static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** Adds the id when it is a valid person id: an invalid one is refused by the line's checks, never looked up. */
    public static void addIfValid(Set<String> ids, String id) {
        if (id != null && PersonId.isValid(id)) {
            ids.add(id);
        }
    }
}
