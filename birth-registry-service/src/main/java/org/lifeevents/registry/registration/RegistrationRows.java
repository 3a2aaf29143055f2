package org.lifeevents.registry.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lifeevents.registry.bulk.ChunkSql;
import org.lifeevents.registry.write.IdempotentWrites;

/**
 * Writes a batch's registrations and their idempotency records ({@code registry_write}) as the API's services and
 * {@link IdempotentWrites#once} write them one at a time: one multi-row insert each, for births and deaths alike.
 */
final class RegistrationRows {

    /**
     * One registration: the request is also its record until corrected; a death carries its record as Avro and the
     * spouse it left unmarried.
     */
    record Row(String number, String kind, String subjectPersonId, String requestJson, String responseJson,
            LocalDate eventDate, String householdId, boolean createdPerson, byte[] deathRecord,
            String deathRecordSchema, String clearedSpouseId, String correlationId) {
    }

    private RegistrationRows() {
    }

    /**
     * Takes the API's per-number locks for the whole batch, in one order (so an API call with one of these numbers waits
     * for the backfill's chunk, and the other way round, instead of registering twice), and reads the earlier writes of
     * the numbers: number to {request, answer}.
     */
    static Map<String, String[]> lockAndReadEarlier(Connection connection, Collection<String> numbers)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select pg_advisory_xact_lock(hashtext(k))
                from (select k from unnest(?::text[]) as k order by k) as keys""")) {
            statement.setArray(1, ChunkSql.texts(connection,
                    numbers.stream().map(n -> IdempotentWrites.REGISTRATION + ":" + n).sorted().toList()));
            statement.executeQuery().close();
        }
        Map<String, String[]> earlier = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select write_number, request_json::text, response_json::text from registry_write
                where scope = ? and write_number = any(?)""")) {
            statement.setString(1, IdempotentWrites.REGISTRATION);
            statement.setArray(2, ChunkSql.texts(connection, numbers));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    earlier.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
                }
            }
        }
        return earlier;
    }

    static void write(Connection connection, List<Row> rows, String recordedBy, Instant now) throws SQLException {
        var at = now.atOffset(ZoneOffset.UTC);
        ChunkSql.batch(connection, """
                insert into registration (registration_number, kind, subject_person_id, status, request_json,
                                          response_json, record_json, event_date, household_id, created_person,
                                          death_record, death_record_schema, cleared_spouse_id, correlation_id,
                                          registered_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                (statement, row) -> {
                    statement.setString(1, row.number());
                    statement.setString(2, row.kind());
                    statement.setString(3, row.subjectPersonId());
                    statement.setString(4, Registration.ACTIVE);
                    statement.setString(5, row.requestJson());
                    statement.setString(6, row.responseJson());
                    statement.setString(7, row.requestJson());
                    statement.setObject(8, row.eventDate());
                    statement.setString(9, row.householdId());
                    statement.setBoolean(10, row.createdPerson());
                    if (row.deathRecord() == null) {
                        statement.setNull(11, Types.BINARY);
                    } else {
                        statement.setBytes(11, row.deathRecord());
                    }
                    statement.setString(12, row.deathRecordSchema());
                    statement.setString(13, row.clearedSpouseId());
                    statement.setString(14, row.correlationId());
                    statement.setObject(15, at);
                    statement.setObject(16, at);
                });
        ChunkSql.batch(connection, """
                insert into registry_write (scope, write_number, kind, registration_number, request_json,
                                            response_json, correlation_id, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)""", rows, (statement, row) -> {
            statement.setString(1, IdempotentWrites.REGISTRATION);
            statement.setString(2, row.number());
            statement.setString(3, row.kind());
            statement.setString(4, row.number());
            statement.setString(5, row.requestJson());
            statement.setString(6, row.responseJson());
            statement.setString(7, row.correlationId());
            statement.setString(8, recordedBy);
            statement.setObject(9, at);
        });
    }
}
