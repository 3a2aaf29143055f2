package org.lifeevents.registry.household;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one way a transaction takes households for writing, whatever the path (a {@code PUT /households}, a move, a
 * backfill chunk): their rows are locked until it commits, so a household's versions, and its snapshots in the
 * outbox, are handed out in commit order. A household not there yet is created first (version 0, as every household
 * starts), because a row that does not exist cannot be locked: two writers creating one household would otherwise both
 * hand out version 1. Rows are created and locked in household id order, each in one statement, so two writers that
 * take several households never deadlock.
 */
public final class HouseholdLocks {

    private HouseholdLocks() {
    }

    /**
     * Locks the households, creating the missing ones.
     *
     * @return the ids this call created (a caller that ends up not using one deletes it, see {@link #dropUnused})
     */
    public static Set<String> lock(Connection connection, Collection<String> householdIds) throws SQLException {
        Set<String> created = new HashSet<>();
        if (householdIds.isEmpty()) {
            return created;
        }
        String[] ids = new TreeSet<>(householdIds).toArray(String[]::new);
        created.addAll(ids(connection, """
                insert into household (household_id, version)
                select id, 0 from unnest(?::text[]) as wanted(id) order by id
                on conflict (household_id) do nothing
                returning household_id""", "text", ids));
        ids(connection, "select household_id from household where household_id = any(?) order by household_id for update",
                "text", ids);
        return created;
    }

    /** The households the persons belong to now, to lock them together with the one they join. */
    public static Set<String> currentHouseholdsOf(Connection connection, Collection<String> personIds)
            throws SQLException {
        if (personIds.isEmpty()) {
            return new HashSet<>();
        }
        // char(11)[], not text[]: compared with text the column would be cast and its index not used.
        return ids(connection, """
                select distinct household_id from household_member
                where member_until is null and person_id = any(?)""", "bpchar", personIds.toArray(String[]::new));
    }

    /** Deletes households created by {@link #lock} that were then not written (every line for them was refused). */
    public static void dropUnused(Connection connection, Collection<String> householdIds) throws SQLException {
        if (householdIds.isEmpty()) {
            return;
        }
        ids(connection, """
                delete from household where household_id = any(?) and version = 0 and state_hash is null
                returning household_id""", "text", householdIds.toArray(String[]::new));
    }

    /** Runs a statement whose one parameter is an array of ids and returns the ids it returns. */
    private static Set<String> ids(Connection connection, String sql, String type, String[] ids) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, ids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
