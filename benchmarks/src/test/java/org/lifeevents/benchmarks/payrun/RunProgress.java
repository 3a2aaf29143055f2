package org.lifeevents.benchmarks.payrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Where a run stands, read from the payment database's run and file rows: cheap enough to poll every few milliseconds
 * while the run goes on, which is what catching a given moment to crash the service at needs.
 *
 * @param status ASSIGNING, SENDING or COMPLETED
 * @param files files assembled so far
 * @param reported files whose bank report is imported
 */
record RunProgress(String status, int files, int reported) {

    static RunProgress read(Connection db, UUID runId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select r.status, count(f.file_id), count(f.file_id) filter (where f.status = 'REPORTED')
                from payment_run r left join payment_file f on f.run_id = r.run_id
                where r.run_id = ?
                group by r.status
                """)) {
            query.setObject(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No run " + runId + " in the payment database");
                }
                return new RunProgress(rs.getString(1), rs.getInt(2), rs.getInt(3));
            }
        }
    }

    boolean completed() {
        return "COMPLETED".equals(status);
    }

    /** Further than {@code before}: a file more assembled or reported, or done. */
    boolean beyond(RunProgress before) {
        return completed() || files > before.files || reported > before.reported;
    }

    @Override
    public String toString() {
        return status + ": " + files + " assembled, " + reported + " reported";
    }
}
